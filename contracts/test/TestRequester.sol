// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {IInferenceConsumer} from "../interfaces/IInferenceConsumer.sol";

/// @notice Test-only base: a contract requester paying from its own OPG balance.
abstract contract TestRequester is IInferenceConsumer {
    IInferenceHub internal immutable _hub;

    constructor(IInferenceHub hub_) {
        _hub = hub_;
    }

    /// @notice Requests a job with a callback to this contract.
    function request(IERC20 token, bytes32 modelId, bytes calldata input, uint256 maxFee, uint32 callbackGasLimit)
        external
        returns (uint256)
    {
        token.approve(address(_hub), maxFee);
        return _hub.requestInference(
            modelId, input, IInferenceHub.RequestOptions({maxFee: maxFee, callbackGasLimit: callbackGasLimit, mode: 0})
        );
    }
}
