// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {TestRequester} from "./TestRequester.sol";

/// @notice Test-only: a consumer whose callback tries to re-enter the hub (finalize, withdraw, expire)
///         and records whether each attempt succeeded.
contract ReentrantConsumer is TestRequester {
    uint256 public otherJobId;
    bool public attempted;
    bool public finalizeSucceeded;
    bool public withdrawSucceeded;
    bool public expireSucceeded;

    constructor(IInferenceHub hub_) TestRequester(hub_) {}

    function setOtherJob(uint256 jobId) external {
        otherJobId = jobId;
    }

    function onInferenceResult(uint256 jobId, bytes calldata output) external {
        attempted = true;
        try _hub.finalize(otherJobId == 0 ? jobId : otherJobId, output) {
            finalizeSucceeded = true;
        } catch {}
        try _hub.withdraw() {
            withdrawSucceeded = true;
        } catch {}
        try _hub.expire(otherJobId) {
            expireSucceeded = true;
        } catch {}
    }
}
