// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Tensors} from "../libraries/Tensors.sol";

/// @notice Test-only: proves the golden vectors (tests/vectors/tensors.json) against Solidity.
contract TensorVectorChecker {
    /// @notice Strictly decodes a tensor list (reverts on any rule violation).
    function decode(bytes calldata encoded) external pure returns (Tensors.Tensor[] memory) {
        return Tensors.decode(encoded);
    }

    /// @notice The protocol commitment (docs/protocol.md section 2) and its parts.
    function commitment(bytes32 modelId, bytes calldata input, bytes calldata output)
        external
        pure
        returns (bytes32 inputHash, bytes32 outputHash, bytes32 result)
    {
        inputHash = keccak256(input);
        outputHash = keccak256(output);
        result = keccak256(abi.encode(modelId, inputHash, outputHash));
    }
}
