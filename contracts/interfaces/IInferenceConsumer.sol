// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IInferenceConsumer
/// @notice Implemented by contracts that request inferences and want the result delivered.
interface IInferenceConsumer {
    /// @notice Called by the hub when a job is finalized, with at most the request's callback gas limit.
    ///         A revert or out-of-gas here does not undo the finalization; return data is ignored.
    /// @param jobId the job.
    /// @param output the canonical `abi.encode(Tensor[])` output bytes (docs/protocol.md section 1).
    function onInferenceResult(uint256 jobId, bytes calldata output) external;
}
