// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IModelRegistry} from "./interfaces/IModelRegistry.sol";

/// @title ModelRegistry
/// @notice Models by content hash (`sha256(onnxFileBytes)`), each with an owner, URI, fee per job,
///         output decimals, verification tolerance and an active flag.
contract ModelRegistry is IModelRegistry {
    mapping(bytes32 modelId => Model) private _models;

    /// @inheritdoc IModelRegistry
    function registerModel(bytes32 modelId, string calldata uri, uint256 feePerJob, uint8 outputDecimals, uint64 tolerance)
        external
    {
        if (modelId == bytes32(0)) revert InvalidModelId();
        if (_models[modelId].owner != address(0)) revert ModelAlreadyRegistered(modelId);
        if (bytes(uri).length == 0) revert EmptyUri();
        if (outputDecimals > 18) revert InvalidOutputDecimals(outputDecimals);
        _checkFee(feePerJob);
        _models[modelId] = Model({
            owner: msg.sender,
            feePerJob: uint88(feePerJob),
            active: true,
            outputDecimals: outputDecimals,
            tolerance: tolerance,
            uri: uri
        });
        emit ModelRegistered(modelId, msg.sender, uri, feePerJob, outputDecimals, tolerance);
    }

    /// @inheritdoc IModelRegistry
    function updateFee(bytes32 modelId, uint256 newFeePerJob) external {
        Model storage model = _ownedActive(modelId);
        _checkFee(newFeePerJob);
        uint256 oldFee = model.feePerJob;
        model.feePerJob = uint88(newFeePerJob);
        emit ModelFeeUpdated(modelId, oldFee, newFeePerJob);
    }

    /// @inheritdoc IModelRegistry
    function updateUri(bytes32 modelId, string calldata uri) external {
        Model storage model = _ownedActive(modelId);
        if (bytes(uri).length == 0) revert EmptyUri();
        model.uri = uri;
        emit ModelUriUpdated(modelId, uri);
    }

    /// @inheritdoc IModelRegistry
    function deactivate(bytes32 modelId) external {
        Model storage model = _ownedActive(modelId);
        model.active = false;
        emit ModelDeactivated(modelId);
    }

    /// @inheritdoc IModelRegistry
    function getModel(bytes32 modelId) external view returns (Model memory) {
        Model storage model = _models[modelId];
        if (model.owner == address(0)) revert ModelNotFound(modelId);
        return model;
    }

    /// @inheritdoc IModelRegistry
    function terms(bytes32 modelId) external view returns (address owner, uint256 feePerJob, bool active) {
        Model storage model = _models[modelId];
        return (model.owner, model.feePerJob, model.active);
    }

    function _ownedActive(bytes32 modelId) private view returns (Model storage model) {
        model = _models[modelId];
        if (model.owner == address(0)) revert ModelNotFound(modelId);
        if (model.owner != msg.sender) revert NotModelOwner(modelId, msg.sender, model.owner);
        if (!model.active) revert ModelInactive(modelId);
    }

    function _checkFee(uint256 feePerJob) private pure {
        if (feePerJob > type(uint88).max) revert FeeTooLarge(feePerJob, type(uint88).max);
    }
}
