// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IInferenceConsumer} from "../interfaces/IInferenceConsumer.sol";
import {IInferenceHub} from "../interfaces/IInferenceHub.sol";

/// @title InferenceConsumer
/// @notice Base for contracts that request inferences: only the hub can deliver a result, and only
///         for a job this contract requested (each job is delivered once).
abstract contract InferenceConsumer is IInferenceConsumer {
    using SafeERC20 for IERC20;

    /// @notice The hub allowed to call back.
    IInferenceHub public immutable hub;
    /// @notice The fee token.
    IERC20 public immutable feeToken;

    mapping(uint256 jobId => bool) private _pending;

    /// @notice The caller is not the hub.
    error OnlyHub(address caller);
    /// @notice The job was not requested by this contract, or was already delivered.
    error UnknownJob(uint256 jobId);

    constructor(IInferenceHub hub_, IERC20 feeToken_) {
        hub = hub_;
        feeToken = feeToken_;
    }

    /// @inheritdoc IInferenceConsumer
    function onInferenceResult(uint256 jobId, bytes calldata output) external {
        if (msg.sender != address(hub)) revert OnlyHub(msg.sender);
        if (!_pending[jobId]) revert UnknownJob(jobId);
        delete _pending[jobId];
        _onInferenceResult(jobId, output);
    }

    /// @dev Requests an inference paid from this contract's own OPG balance.
    function _requestInference(bytes32 modelId, bytes memory input, uint256 maxFee, uint32 callbackGasLimit)
        internal
        returns (uint256 jobId)
    {
        feeToken.forceApprove(address(hub), maxFee);
        jobId = hub.requestInference(
            modelId, input, IInferenceHub.RequestOptions({maxFee: maxFee, callbackGasLimit: callbackGasLimit, mode: 0})
        );
        feeToken.forceApprove(address(hub), 0);
        _pending[jobId] = true;
    }

    /// @dev Handles a delivered result. Runs under the request's callback gas limit.
    function _onInferenceResult(uint256 jobId, bytes calldata output) internal virtual;
}
