// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {IInferenceConsumer} from "./interfaces/IInferenceConsumer.sol";
import {IInferenceHub} from "./interfaces/IInferenceHub.sol";
import {IModelRegistry} from "./interfaces/IModelRegistry.sol";
import {INodeStaking} from "./interfaces/INodeStaking.sol";
import {HubBase} from "./hub/HubBase.sol";
import {HubDisputes} from "./hub/HubDisputes.sol";

/// @title InferenceHub
/// @notice Requests, assignment, results, settlement and expiry of inference jobs (Optimistic mode).
///         Disputes live in HubDisputes. The lifecycle is in docs/protocol.md section 5.
contract InferenceHub is HubDisputes, EIP712, Nonces {
    using SafeERC20 for IERC20;

    /// @notice EIP-712 type of a signed request (docs/protocol.md section 6).
    bytes32 public constant INFERENCE_REQUEST_TYPEHASH = keccak256(
        "InferenceRequest(address requester,bytes32 modelId,bytes input,uint256 maxFee,uint32 callbackGasLimit,uint8 mode,uint256 nonce,uint256 deadline)"
    );

    /// @dev Gas kept back beyond the callback's limit for the call itself and the rest of finalize.
    uint256 private constant CALLBACK_RESERVE_GAS = 20_000;

    /// @param token_ $OPG. @param registry_ model registry. @param staking_ node staking.
    /// @param treasury_ receives the protocol cut and unpaid slashes. @param config fees, windows, penalties.
    constructor(IERC20 token_, IModelRegistry registry_, INodeStaking staking_, address treasury_, Config memory config)
        HubBase(token_, registry_, staking_, treasury_, config)
        EIP712("OpenGradient InferenceHub", "1")
    {}

    // ---------------------------------------------------------------- request (None -> Assigned)

    /// @inheritdoc IInferenceHub
    function requestInference(bytes32 modelId, bytes calldata input, RequestOptions calldata options)
        external
        nonReentrant
        returns (uint256 jobId)
    {
        return _request(msg.sender, modelId, input, options.maxFee, options.callbackGasLimit, options.mode);
    }

    /// @inheritdoc IInferenceHub
    function requestInferenceWithPermit(
        bytes32 modelId,
        bytes calldata input,
        RequestOptions calldata options,
        Permit calldata permit
    ) external nonReentrant returns (uint256 jobId) {
        _tryPermit(msg.sender, permit);
        return _request(msg.sender, modelId, input, options.maxFee, options.callbackGasLimit, options.mode);
    }

    /// @inheritdoc IInferenceHub
    function requestInferenceBySig(
        SignedRequest calldata request,
        bytes calldata input,
        bytes calldata signature,
        Permit calldata permit
    ) external nonReentrant returns (uint256 jobId) {
        if (block.timestamp > request.deadline) revert SignatureExpired(request.deadline);
        bytes32 digest = _requestDigest(request, keccak256(input));
        if (!SignatureChecker.isValidSignatureNow(request.requester, digest, signature)) {
            revert InvalidSignature(request.requester);
        }
        _useCheckedNonce(request.requester, request.nonce);
        _tryPermit(request.requester, permit);
        return _request(
            request.requester, request.modelId, input, request.maxFee, request.callbackGasLimit, request.mode
        );
    }

    // ---------------------------------------------------------------- result (Assigned -> ...)

    /// @notice Posts the result. State: Assigned -> Submitted; executor only, before the result deadline.
    function submitResult(uint256 jobId, bytes calldata output) external nonReentrant {
        Job storage job = _assignedToCaller(jobId);
        bytes32 commitment = keccak256(abi.encode(job.modelId, job.inputHash, keccak256(output)));
        uint256 challengeDeadline = block.timestamp + challengeWindowSeconds;
        job.status = JobStatus.Submitted;
        job.deadline = uint40(challengeDeadline);
        job.commitment = commitment;
        emit ResultSubmitted(jobId, msg.sender, output, commitment, uint64(challengeDeadline));
    }

    /// @notice Reports a failure. State: Assigned -> FailureReported; executor only, before the deadline.
    function reportFailure(uint256 jobId, uint8 reasonCode) external nonReentrant {
        if (reasonCode == 0 || reasonCode > uint8(type(FailureReason).max)) revert InvalidFailureReason(reasonCode);
        Job storage job = _assignedToCaller(jobId);
        uint256 challengeDeadline = block.timestamp + challengeWindowSeconds;
        job.status = JobStatus.FailureReported;
        job.deadline = uint40(challengeDeadline);
        job.failureReason = FailureReason(reasonCode);
        emit FailureReported(jobId, msg.sender, FailureReason(reasonCode), uint64(challengeDeadline));
    }

    /// @notice Expires a job with no result. State: Assigned -> Expired, after the result deadline.
    function expire(uint256 jobId) external nonReentrant {
        Job storage job = _jobIn(jobId, JobStatus.Assigned);
        if (block.timestamp <= job.deadline) revert DeadlineNotReached(jobId, job.deadline);
        address executor = job.executor;
        _refund(jobId, job, JobStatus.Expired);
        _credit(treasury, _slash(jobId, executor, expiryPenalty));
        emit JobExpired(jobId, executor);
    }

    // ---------------------------------------------------------------- settlement

    /// @notice Settles a job. States: Submitted (after the window) | Verified -> Finalized;
    ///         FailureReported (after the window) -> Refunded.
    function finalize(uint256 jobId, bytes calldata output) external nonReentrant {
        _finalize(jobId, output, true);
    }

    /// @inheritdoc IInferenceHub
    function finalizeBatch(uint256[] calldata jobIds, bytes[] calldata outputs)
        external
        nonReentrant
        returns (uint256 finalized)
    {
        bool withOutputs = outputs.length != 0;
        if (withOutputs && outputs.length != jobIds.length) revert LengthMismatch(jobIds.length, outputs.length);
        for (uint256 i = 0; i < jobIds.length; ++i) {
            if (_finalize(jobIds[i], withOutputs ? outputs[i] : msg.data[0:0], false)) ++finalized;
        }
    }

    /// @notice Transfers the caller's whole claimable balance to the caller.
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = _claimable[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        _claimable[msg.sender] = 0;
        token.safeTransfer(msg.sender, amount);
        emit Withdrawal(msg.sender, amount);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IInferenceHub
    function getJob(uint256 jobId) external view returns (Job memory) {
        return _jobs[jobId];
    }

    /// @inheritdoc IInferenceHub
    function jobStatus(uint256 jobId) external view returns (JobStatus) {
        return _jobs[jobId].status;
    }

    /// @inheritdoc IInferenceHub
    function jobResult(uint256 jobId)
        external
        view
        returns (JobStatus status, bytes32 commitment, FailureReason failureReason)
    {
        Job storage job = _jobs[jobId];
        return (job.status, job.commitment, job.failureReason);
    }

    /// @inheritdoc IInferenceHub
    function commitmentOf(uint256 jobId) external view returns (bytes32) {
        return _jobs[jobId].commitment;
    }

    /// @inheritdoc IInferenceHub
    function escrowOf(uint256 jobId) external view returns (uint256) {
        Job storage job = _jobs[jobId];
        if (job.status == JobStatus.None) revert JobNotFound(jobId);
        return _escrow(job.modelFee);
    }

    /// @inheritdoc IInferenceHub
    function getDispute(uint256 jobId) external view returns (Dispute memory) {
        return _disputes[jobId];
    }

    /// @inheritdoc IInferenceHub
    function quoteFee(bytes32 modelId)
        external
        view
        returns (uint256 total, uint256 modelFee, uint256 nodeFeeAmount, uint256 protocolFee)
    {
        bool active;
        (, modelFee, active) = registry.terms(modelId);
        if (!active) revert ModelNotActive(modelId);
        protocolFee = _protocolFee(modelFee);
        return (modelFee + nodeFee + protocolFee, modelFee, nodeFee, protocolFee);
    }

    /// @inheritdoc IInferenceHub
    function claimable(address account) external view returns (uint256) {
        return _claimable[account];
    }

    /// @inheritdoc IInferenceHub
    function nextJobId() external view returns (uint256) {
        return _nextJobId;
    }

    /// @notice The EIP-712 domain separator of this hub.
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ---------------------------------------------------------------- internals

    function _request(
        address requester,
        bytes32 modelId,
        bytes calldata input,
        uint256 maxFee,
        uint32 callbackGasLimit,
        uint8 mode
    ) private returns (uint256 jobId) {
        if (mode != 0) revert UnsupportedMode(mode);
        if (callbackGasLimit > maxCallbackGasLimit) {
            revert CallbackGasLimitTooHigh(callbackGasLimit, maxCallbackGasLimit);
        }
        (, uint256 modelFee, bool active) = registry.terms(modelId);
        if (!active) revert ModelNotActive(modelId);
        uint256 protocolFee = _protocolFee(modelFee);
        uint256 fee = modelFee + nodeFee + protocolFee;
        if (fee > maxFee) revert FeeAboveMax(fee, maxFee);

        jobId = _nextJobId++;
        address executor = staking.selectNode(uint256(keccak256(abi.encode(block.prevrandao, jobId))));
        uint256 resultDeadline = block.timestamp + resultTimeoutSeconds;
        Job storage job = _jobs[jobId];
        job.requester = requester;
        job.status = JobStatus.Assigned;
        job.deadline = uint40(resultDeadline);
        job.callbackGasLimit = callbackGasLimit;
        job.executor = executor;
        job.modelFee = uint96(modelFee);
        job.modelId = modelId;
        job.inputHash = keccak256(input);

        token.safeTransferFrom(requester, address(this), fee);
        emit InferenceRequested(
            jobId,
            requester,
            executor,
            modelId,
            input,
            modelFee,
            nodeFee,
            protocolFee,
            callbackGasLimit,
            mode,
            uint64(resultDeadline)
        );
    }

    /// @dev The EIP-712 digest of a signed request (the `bytes input` member is hashed per EIP-712).
    function _requestDigest(SignedRequest calldata request, bytes32 inputHash) private view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    INFERENCE_REQUEST_TYPEHASH,
                    request.requester,
                    request.modelId,
                    inputHash,
                    request.maxFee,
                    request.callbackGasLimit,
                    request.mode,
                    request.nonce,
                    request.deadline
                )
            )
        );
    }

    /// @dev Uses the permit when one is given; a failed permit (e.g. front-run) is ignored and the
    ///      transferFrom that follows decides.
    function _tryPermit(address owner, Permit calldata permit) private {
        if (permit.deadline == 0) return;
        try IERC20Permit(address(token)).permit(
            owner, address(this), permit.value, permit.deadline, permit.v, permit.r, permit.s
        ) {} catch {}
    }

    function _assignedToCaller(uint256 jobId) private view returns (Job storage job) {
        job = _jobIn(jobId, JobStatus.Assigned);
        if (msg.sender != job.executor) revert NotExecutor(jobId, msg.sender, job.executor);
        if (block.timestamp > job.deadline) revert DeadlinePassed(jobId, job.deadline);
    }

    /// @return settled whether the job was settled; with `strict` every reason not to is a revert.
    function _finalize(uint256 jobId, bytes calldata output, bool strict) private returns (bool settled) {
        Job storage job = _jobs[jobId];
        JobStatus status = job.status;
        if (status == JobStatus.Submitted || status == JobStatus.FailureReported) {
            if (block.timestamp <= job.deadline) {
                if (strict) revert DeadlineNotReached(jobId, job.deadline);
                return false;
            }
        } else if (status != JobStatus.Verified) {
            if (!strict) return false;
            if (status == JobStatus.None) revert JobNotFound(jobId);
            revert InvalidJobStatus(jobId, status);
        }
        if (status == JobStatus.FailureReported) {
            _refund(jobId, job, JobStatus.Refunded);
            return true;
        }

        uint32 callbackGasLimit = job.callbackGasLimit;
        if (callbackGasLimit != 0) {
            if (keccak256(abi.encode(job.modelId, job.inputHash, keccak256(output))) != job.commitment) {
                if (strict) revert OutputMismatch(jobId);
                return false;
            }
        }
        job.status = JobStatus.Finalized;
        address executor = job.executor;
        uint256 modelFee = job.modelFee;
        (address modelOwner,,) = registry.terms(job.modelId);
        uint256 protocolFee = _protocolFee(modelFee);
        _claimable[executor] += nodeFee;
        _claimable[modelOwner] += modelFee;
        _claimable[treasury] += protocolFee;

        bool callbackSucceeded = true;
        if (callbackGasLimit != 0) {
            callbackSucceeded = _callback(jobId, job.requester, callbackGasLimit, output);
        }
        emit JobFinalized(jobId, executor, nodeFee, modelOwner, modelFee, protocolFee, callbackSucceeded);
        return true;
    }

    /// @dev A bounded call that copies no return data; its failure is reported, never propagated.
    function _callback(uint256 jobId, address consumer, uint256 gasLimit, bytes calldata output)
        private
        returns (bool ok)
    {
        bytes memory data = abi.encodeCall(IInferenceConsumer.onInferenceResult, (jobId, output));
        // EIP-150 forwards at most 63/64 of what is left: make sure the consumer really gets gasLimit.
        uint256 needed = gasLimit + gasLimit / 63 + CALLBACK_RESERVE_GAS;
        if (gasleft() < needed) revert InsufficientGasForCallback(jobId, gasleft(), needed);
        assembly ("memory-safe") {
            ok := call(gasLimit, consumer, 0, add(data, 0x20), mload(data), 0, 0)
        }
        if (!ok) emit CallbackFailed(jobId, consumer);
    }
}
