// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {TestRequester} from "./TestRequester.sol";

/// @notice Test-only: a consumer whose callback always reverts.
contract RevertingConsumer is TestRequester {
    error Refused(uint256 jobId);

    constructor(IInferenceHub hub_) TestRequester(hub_) {}

    function onInferenceResult(uint256 jobId, bytes calldata) external pure {
        revert Refused(jobId);
    }
}
