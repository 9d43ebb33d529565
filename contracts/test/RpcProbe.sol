// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title RpcProbe
/// @notice Test-only contract for the .NET JSON-RPC client's integration tests: it emits an event with
///         indexed and non-indexed (static and dynamic) fields and reverts in each of the three ways a
///         client must decode (custom error with values, Error(string), Panic).
contract RpcProbe {
    /// @notice Emitted by `record`.
    event Recorded(address indexed sender, uint256 indexed id, string note, uint256 value);

    /// @notice Raised by `failCustom` with the values it was given.
    error ProbeFailed(address who, uint256 code, string detail);

    /// @notice The owner set at deployment (checks constructor-argument encoding).
    address public immutable owner;

    /// @notice The label set at deployment.
    string public label;

    /// @notice The last value stored by `record`.
    uint256 public lastValue;

    constructor(address owner_, string memory label_) {
        owner = owner_;
        label = label_;
    }

    /// @notice Stores `value` and emits `Recorded`.
    function record(uint256 id, string calldata note, uint256 value) external returns (uint256) {
        lastValue = value;
        emit Recorded(msg.sender, id, note, value);
        return value * 2;
    }

    /// @notice Returns several values of different types (checks output decoding).
    function describe(uint256 x) external view returns (address who, uint256 doubled, string memory text, bool big) {
        return (owner, x * 2, label, x > 100);
    }

    /// @notice Always reverts with the custom error `ProbeFailed`.
    function failCustom(uint256 code) external view {
        revert ProbeFailed(msg.sender, code, "custom failure");
    }

    /// @notice Reverts with Error(string) when `ok` is false.
    // solhint-disable-next-line gas-custom-errors
    function failRequire(bool ok) external pure returns (bool) {
        require(ok, "probe: require failed");
        return ok;
    }

    /// @notice Overflows (Panic 0x11) when `a + b` exceeds uint256.
    function add(uint256 a, uint256 b) external pure returns (uint256) {
        return a + b;
    }

    /// @notice State-changing variant of the require revert, to check a failed transaction's receipt.
    function recordOrFail(uint256 value) external {
        require(value != 0, "probe: zero value");
        lastValue = value;
    }
}
