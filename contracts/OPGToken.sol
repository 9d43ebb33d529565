// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title OPGToken
/// @notice The $OPG token: ERC-20 with EIP-2612 permit, a fixed supply minted once at deployment,
///         no transfer hooks, no minting or burning afterwards.
contract OPGToken is ERC20, ERC20Permit {
    /// @param holder receives the whole supply.
    /// @param supply the fixed total supply in wei (18 decimals).
    constructor(address holder, uint256 supply) ERC20("OpenGradient", "OPG") ERC20Permit("OpenGradient") {
        _mint(holder, supply);
    }
}
