// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {Tensors} from "../libraries/Tensors.sol";
import {InferenceConsumer} from "./InferenceConsumer.sol";

/// @title ExampleConsumer
/// @notice A risk gate a dapp would copy: anyone pays for a risk-model inference; the model's score
///         (the first value of the first output tensor, fixed point) is stored, and when it reaches the
///         threshold the gate closes (`borrowingEnabled = false`); a lower score opens it again.
contract ExampleConsumer is InferenceConsumer {
    using SafeERC20 for IERC20;

    /// @notice The risk model.
    bytes32 public immutable modelId;
    /// @notice Scores at or above this (in the model's fixed-point units) close the gate.
    int256 public immutable riskThreshold;
    /// @notice Callback gas this consumer asks for.
    uint32 public constant CALLBACK_GAS_LIMIT = 300_000;

    /// @notice The last delivered score.
    int256 public latestScore;
    /// @notice The job that delivered it.
    uint256 public latestJobId;
    /// @notice The state the score controls.
    bool public borrowingEnabled = true;

    /// @notice A score was delivered.
    event ScoreUpdated(uint256 indexed jobId, int256 score, bool borrowingEnabled);
    /// @notice A delivered output had no value to read.
    event EmptyOutput(uint256 indexed jobId);

    constructor(IInferenceHub hub_, IERC20 feeToken_, bytes32 modelId_, int256 riskThreshold_)
        InferenceConsumer(hub_, feeToken_)
    {
        modelId = modelId_;
        riskThreshold = riskThreshold_;
    }

    /// @notice Requests a new score; the caller pays the fee (approve this contract for `maxFee`).
    /// @param input canonical tensor-list input for the model.
    /// @param maxFee the most the caller pays; the unspent part stays with the caller.
    /// @return jobId the hub's job id.
    function requestScore(bytes calldata input, uint256 maxFee) external returns (uint256 jobId) {
        (uint256 fee,,,) = hub.quoteFee(modelId);
        feeToken.safeTransferFrom(msg.sender, address(this), fee);
        jobId = _requestInference(modelId, input, fee <= maxFee ? fee : maxFee, CALLBACK_GAS_LIMIT);
    }

    function _onInferenceResult(uint256 jobId, bytes calldata output) internal override {
        Tensors.Tensor[] memory tensors = Tensors.decode(output);
        if (tensors.length == 0 || tensors[0].values.length == 0) {
            emit EmptyOutput(jobId);
            return;
        }
        int256 score = tensors[0].values[0];
        bool enabled = score < riskThreshold;
        latestScore = score;
        latestJobId = jobId;
        borrowingEnabled = enabled;
        emit ScoreUpdated(jobId, score, enabled);
    }
}
