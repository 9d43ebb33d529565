// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {TestRequester} from "./TestRequester.sol";

/// @notice Test-only: a consumer whose callback burns all the gas it is given.
contract GasBurningConsumer is TestRequester {
    uint256 public counter;

    constructor(IInferenceHub hub_) TestRequester(hub_) {}

    function onInferenceResult(uint256, bytes calldata) external {
        while (true) {
            counter += 1;
        }
    }
}
