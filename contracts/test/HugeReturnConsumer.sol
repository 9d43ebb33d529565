// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {TestRequester} from "./TestRequester.sol";

/// @notice Test-only: a consumer whose callback returns (or reverts with) a huge payload.
contract HugeReturnConsumer is TestRequester {
    uint256 public immutable payloadBytes;
    bool public immutable revertWithPayload;

    constructor(IInferenceHub hub_, uint256 payloadBytes_, bool revertWithPayload_) TestRequester(hub_) {
        payloadBytes = payloadBytes_;
        revertWithPayload = revertWithPayload_;
    }

    function onInferenceResult(uint256, bytes calldata) external view {
        uint256 size = payloadBytes;
        bool doRevert = revertWithPayload;
        assembly {
            if doRevert { revert(0, size) }
            return(0, size)
        }
    }
}
