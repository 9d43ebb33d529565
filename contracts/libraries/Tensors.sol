// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Tensors
/// @notice The canonical tensor list of docs/protocol.md section 1, with a strict decoder for consumers.
library Tensors {
    uint8 internal constant FIXED = 0;
    uint8 internal constant INT = 1;
    uint8 internal constant BOOL = 2;
    uint8 internal constant MAX_DECIMALS = 18;
    uint256 internal constant MAX_NAME_BYTES = 64;
    int256 internal constant FIXED_LIMIT = int256(1) << 127; // |q| < 2^127

    /// @notice One named tensor (docs/protocol.md section 1).
    struct Tensor {
        string name;
        uint8 elementType;
        uint8 decimals;
        uint32[] shape;
        int256[] values;
    }

    /// @notice The bytes are not the canonical (strict) ABI encoding of the decoded value.
    error NonCanonicalEncoding();
    /// @notice Unknown element type.
    error InvalidElementType(uint256 index, uint8 elementType);
    /// @notice Decimals above 18, or non-zero for Int/Bool.
    error InvalidDecimals(uint256 index, uint8 decimals);
    /// @notice A zero dimension, or values.length != product(shape).
    error InvalidShape(uint256 index);
    /// @notice Name empty, longer than 64 bytes, or repeated.
    error InvalidName(uint256 index);
    /// @notice A Bool value other than 0/1, or a Fixed value with |q| >= 2^127.
    error InvalidValue(uint256 index, uint256 valueIndex);

    /// @notice Decodes `abi.encode(Tensor[])` and enforces every rule of the protocol.
    function decode(bytes memory encoded) internal pure returns (Tensor[] memory tensors) {
        tensors = abi.decode(encoded, (Tensor[]));
        // abi.decode accepts non-standard offsets and trailing bytes; re-encoding proves canonicity.
        if (keccak256(abi.encode(tensors)) != keccak256(encoded)) revert NonCanonicalEncoding();
        validate(tensors);
    }

    /// @notice Checks the protocol rules on a decoded tensor list.
    function validate(Tensor[] memory tensors) internal pure {
        for (uint256 i = 0; i < tensors.length; ++i) {
            Tensor memory t = tensors[i];
            uint256 nameLength = bytes(t.name).length;
            if (nameLength == 0 || nameLength > MAX_NAME_BYTES) revert InvalidName(i);
            for (uint256 j = 0; j < i; ++j) {
                if (keccak256(bytes(tensors[j].name)) == keccak256(bytes(t.name))) revert InvalidName(i);
            }
            if (t.elementType > BOOL) revert InvalidElementType(i, t.elementType);
            if (t.decimals > MAX_DECIMALS || (t.elementType != FIXED && t.decimals != 0)) {
                revert InvalidDecimals(i, t.decimals);
            }
            uint256 count = 1;
            for (uint256 d = 0; d < t.shape.length; ++d) {
                if (t.shape[d] == 0) revert InvalidShape(i);
                count *= t.shape[d];
            }
            if (count != t.values.length) revert InvalidShape(i);
            for (uint256 v = 0; v < t.values.length; ++v) {
                int256 q = t.values[v];
                if (t.elementType == BOOL) {
                    if (q != 0 && q != 1) revert InvalidValue(i, v);
                } else if (t.elementType == FIXED) {
                    if (q >= FIXED_LIMIT || q <= -FIXED_LIMIT) revert InvalidValue(i, v);
                }
            }
        }
    }
}
