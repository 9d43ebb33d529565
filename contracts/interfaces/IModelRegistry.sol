// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IModelRegistry
/// @notice Registry of ONNX models by content hash. A model id is `sha256(onnxFileBytes)`.
interface IModelRegistry {
    /// @notice One registered model. The first slot (owner, fee, active) is what the hub reads per job.
    struct Model {
        address owner;
        uint88 feePerJob; // OPG wei paid to the owner per finalized job
        bool active;
        uint8 outputDecimals; // fixed-point decimals of the model's Fixed outputs (0..18)
        uint64 tolerance; // verification tolerance in quantized units of outputDecimals
        string uri; // where the ONNX bytes can be fetched (checked off chain against the id)
    }

    /// @notice Emitted when a model is registered.
    event ModelRegistered(
        bytes32 indexed modelId,
        address indexed owner,
        string uri,
        uint256 feePerJob,
        uint8 outputDecimals,
        uint64 tolerance
    );
    /// @notice Emitted when the owner changes the fee per job.
    event ModelFeeUpdated(bytes32 indexed modelId, uint256 oldFeePerJob, uint256 newFeePerJob);
    /// @notice Emitted when the owner changes the URI.
    event ModelUriUpdated(bytes32 indexed modelId, string uri);
    /// @notice Emitted when the owner deactivates a model (one way: new jobs are refused).
    event ModelDeactivated(bytes32 indexed modelId);

    /// @notice The model id is zero; pass sha256 of the ONNX file bytes.
    error InvalidModelId();
    /// @notice A model with this id already exists.
    error ModelAlreadyRegistered(bytes32 modelId);
    /// @notice No model with this id is registered.
    error ModelNotFound(bytes32 modelId);
    /// @notice The caller is not the model's owner.
    error NotModelOwner(bytes32 modelId, address caller, address owner);
    /// @notice Output decimals must be at most 18.
    error InvalidOutputDecimals(uint8 outputDecimals);
    /// @notice The fee does not fit the registry's fee field (uint88).
    error FeeTooLarge(uint256 feePerJob, uint256 maxFeePerJob);
    /// @notice The model was deactivated and cannot be changed or used.
    error ModelInactive(bytes32 modelId);
    /// @notice The URI is empty.
    error EmptyUri();

    /// @notice Registers a model owned by the caller.
    /// @param modelId sha256 of the ONNX file bytes.
    /// @param uri where the file can be fetched.
    /// @param feePerJob OPG wei paid to the owner for each finalized job.
    /// @param outputDecimals decimals of the model's fixed-point outputs (0..18).
    /// @param tolerance allowed per-element difference in quantized units when verifying.
    function registerModel(bytes32 modelId, string calldata uri, uint256 feePerJob, uint8 outputDecimals, uint64 tolerance)
        external;

    /// @notice Changes the fee per job (owner only). Jobs already requested keep their fee.
    function updateFee(bytes32 modelId, uint256 newFeePerJob) external;

    /// @notice Changes the URI (owner only).
    function updateUri(bytes32 modelId, string calldata uri) external;

    /// @notice Deactivates the model (owner only): no new jobs; jobs in flight complete.
    function deactivate(bytes32 modelId) external;

    /// @notice The full record of a model (reverts when unknown).
    function getModel(bytes32 modelId) external view returns (Model memory);

    /// @notice What the hub needs per job, in one storage read: owner, fee and active flag.
    /// @dev Returns zeros for an unknown model.
    function terms(bytes32 modelId) external view returns (address owner, uint256 feePerJob, bool active);
}
