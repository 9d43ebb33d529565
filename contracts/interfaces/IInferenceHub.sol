// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IInferenceHub
/// @notice The job state machine and escrow of OpenGradient (Optimistic mode). See docs/protocol.md.
interface IInferenceHub {
    /// @notice Lifecycle of a job. Terminal states: Finalized, Refunded, Rejected, Expired.
    enum JobStatus {
        None, // no such job
        Assigned, // requested, fee escrowed, executor assigned; result due by the deadline
        Submitted, // result posted; challengeable until the deadline
        FailureReported, // failure posted; challengeable until the deadline
        Disputed, // challenged; committee commits then reveals votes
        Verified, // result upheld by a dispute; finalizable at once
        Finalized, // result paid out and delivered
        Refunded, // failure stood; requester refunded
        Rejected, // dispute overturned the posted outcome; executor slashed; requester refunded
        Expired // no result by the deadline; requester refunded; executor penalized
    }

    /// @notice Why an executor could not produce a result.
    enum FailureReason {
        None,
        BadInput, // the input does not decode or does not match the model's inputs
        ModelUnavailable, // the model cannot be fetched or does not match its id
        NonFiniteOutput // the model produced NaN or infinity
    }

    /// @notice How a dispute ended.
    enum DisputeOutcome {
        None,
        Upheld, // majority says the posted outcome is right: challenger loses the bond
        Overturned, // majority says it is wrong: executor slashed, requester refunded
        NoDecision // tie or too few reveals: the posted outcome stands, bond returned
    }

    /// @notice Request options chosen by the requester.
    struct RequestOptions {
        uint256 maxFee; // revert if the total fee is above this
        uint32 callbackGasLimit; // 0 = no callback; else gas for IInferenceConsumer.onInferenceResult
        uint8 mode; // 0 = Optimistic (the only mode in v1)
    }

    /// @notice An EIP-2612 permit for the fee (used only when `deadline != 0`).
    struct Permit {
        uint256 value;
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice A request signed by `requester` (EIP-712) that any relayer may submit.
    struct SignedRequest {
        address requester;
        bytes32 modelId;
        uint256 maxFee;
        uint32 callbackGasLimit;
        uint8 mode;
        uint256 nonce;
        uint256 deadline;
    }

    /// @notice A job in storage (4 slots, plus the commitment once a result is posted).
    struct Job {
        address requester; // pays, gets refunds, receives the callback
        JobStatus status;
        uint40 deadline; // end of the current phase: result deadline, then challenge deadline
        uint32 callbackGasLimit;
        FailureReason failureReason;
        address executor;
        uint96 modelFee; // fee snapshot at request time; node fee and protocol bps are immutable
        bytes32 modelId;
        bytes32 inputHash;
        bytes32 commitment;
    }

    /// @notice A dispute in storage.
    struct Dispute {
        address challenger;
        uint40 commitDeadline;
        uint40 revealDeadline;
        uint8 validVotes;
        uint8 invalidVotes;
        uint96 bond;
        DisputeOutcome outcome;
        address[] committee;
    }

    /// @notice Hub parameters, fixed at deployment.
    struct Config {
        uint256 nodeFee; // OPG wei per job for the executor
        uint16 protocolFeeBps; // protocol cut on (model fee + node fee), to the treasury
        uint32 resultTimeoutSeconds; // request -> result deadline
        uint32 challengeWindowSeconds; // result -> end of challenge window
        uint32 commitPhaseSeconds; // dispute opened -> commit deadline
        uint32 revealPhaseSeconds; // commit deadline -> reveal deadline
        uint8 committeeSize; // committee members drawn per dispute (1..15)
        uint256 challengeBond; // OPG wei the challenger locks
        uint256 slashAmount; // taken from an executor whose outcome is overturned
        uint256 expiryPenalty; // taken from an executor that lets a job expire
        uint256 nonVoterPenalty; // taken from a committee member that does not reveal
        uint16 challengerRewardBps; // share of a slash paid to the winning challenger
        uint16 voterRewardBps; // share of a slash or forfeited bond split among majority voters
        uint32 maxCallbackGasLimit; // upper bound on a request's callback gas limit
    }

    /// @notice A job was requested, escrowed and assigned. Carries everything an executor needs.
    event InferenceRequested(
        uint256 indexed jobId,
        address indexed requester,
        address indexed executor,
        bytes32 modelId,
        bytes input,
        uint256 modelFee,
        uint256 nodeFee,
        uint256 protocolFee,
        uint32 callbackGasLimit,
        uint8 mode,
        uint64 resultDeadline
    );
    /// @notice The executor posted a result. `output` is the canonical tensor list.
    event ResultSubmitted(
        uint256 indexed jobId, address indexed executor, bytes output, bytes32 commitment, uint64 challengeDeadline
    );
    /// @notice The executor reported that it cannot produce a result.
    event FailureReported(
        uint256 indexed jobId, address indexed executor, FailureReason reason, uint64 challengeDeadline
    );
    /// @notice A staked node challenged the posted outcome; a committee was drawn.
    event DisputeOpened(
        uint256 indexed jobId,
        address indexed challenger,
        uint256 bond,
        address[] committee,
        uint64 commitDeadline,
        uint64 revealDeadline
    );
    /// @notice A committee member committed a vote hash.
    event VoteCommitted(uint256 indexed jobId, address indexed member, bytes32 commitHash);
    /// @notice A committee member revealed its vote (`valid` = the posted outcome is right).
    event VoteRevealed(uint256 indexed jobId, address indexed member, bool valid);
    /// @notice A dispute was resolved.
    event DisputeResolved(
        uint256 indexed jobId, DisputeOutcome outcome, uint256 validVotes, uint256 invalidVotes, JobStatus newStatus
    );
    /// @notice Stake was taken from a node; `amount` was credited per the dispute/expiry rules.
    event NodeSlashed(uint256 indexed jobId, address indexed node, uint256 amount);
    /// @notice A job was finalized and paid.
    event JobFinalized(
        uint256 indexed jobId,
        address indexed executor,
        uint256 nodePayment,
        address modelOwner,
        uint256 modelPayment,
        uint256 protocolPayment,
        bool callbackSucceeded
    );
    /// @notice The consumer's callback reverted or ran out of gas (finalization still happened).
    event CallbackFailed(uint256 indexed jobId, address indexed consumer);
    /// @notice The escrow of a job was credited back to the requester.
    event JobRefunded(uint256 indexed jobId, address indexed requester, uint256 amount, JobStatus newStatus);
    /// @notice A job expired without a result.
    event JobExpired(uint256 indexed jobId, address indexed executor);
    /// @notice An account's claimable balance was credited (payments, rewards, refunds, bonds).
    event BalanceCredited(address indexed account, uint256 amount);
    /// @notice An account withdrew its claimable balance.
    event Withdrawal(address indexed account, uint256 amount);

    /// @notice No job with this id exists.
    error JobNotFound(uint256 jobId);
    /// @notice The job is not in a state this function accepts.
    error InvalidJobStatus(uint256 jobId, JobStatus status);
    /// @notice The model is unknown or deactivated.
    error ModelNotActive(bytes32 modelId);
    /// @notice The total fee is above the requester's maximum.
    error FeeAboveMax(uint256 fee, uint256 maxFee);
    /// @notice Only the Optimistic mode (0) exists in v1.
    error UnsupportedMode(uint8 mode);
    /// @notice The callback gas limit is above the hub's maximum.
    error CallbackGasLimitTooHigh(uint32 callbackGasLimit, uint32 maxCallbackGasLimit);
    /// @notice The caller is not the job's executor.
    error NotExecutor(uint256 jobId, address caller, address executor);
    /// @notice The phase deadline has passed.
    error DeadlinePassed(uint256 jobId, uint256 deadline);
    /// @notice The phase deadline has not passed yet.
    error DeadlineNotReached(uint256 jobId, uint256 deadline);
    /// @notice The failure reason is not one of FailureReason's non-zero values.
    error InvalidFailureReason(uint8 reason);
    /// @notice The caller is not an eligible staked node.
    error NotEligibleNode(address caller);
    /// @notice The executor cannot challenge its own job.
    error SelfChallenge(uint256 jobId);
    /// @notice No committee member could be drawn (no other eligible node).
    error NoCommitteeAvailable(uint256 jobId);
    /// @notice The caller is not on this job's committee.
    error NotCommitteeMember(uint256 jobId, address caller);
    /// @notice The member already committed.
    error AlreadyCommitted(uint256 jobId, address member);
    /// @notice The member did not commit, or already revealed.
    error NothingToReveal(uint256 jobId, address member);
    /// @notice The revealed vote and salt do not match the committed hash.
    error RevealMismatch(uint256 jobId, address member);
    /// @notice The phase is not open yet.
    error PhaseNotOpen(uint256 jobId, uint256 opensAfter);
    /// @notice The output given to finalize does not match the commitment.
    error OutputMismatch(uint256 jobId);
    /// @notice The finalizer did not leave enough gas for the callback.
    error InsufficientGasForCallback(uint256 jobId, uint256 gasLeft, uint256 needed);
    /// @notice finalizeBatch got an outputs array of the wrong length.
    error LengthMismatch(uint256 jobIds, uint256 outputs);
    /// @notice The signed request's deadline passed.
    error SignatureExpired(uint256 deadline);
    /// @notice The signature is not the requester's.
    error InvalidSignature(address requester);
    /// @notice Nothing to withdraw.
    error NothingToWithdraw(address account);
    /// @notice A configuration value is out of range.
    error InvalidConfig(string field);

    /// @notice Requests an inference, pulling the fee from the caller (approve the hub first).
    /// @param modelId registry id (sha256 of the ONNX bytes).
    /// @param input canonical `abi.encode(Tensor[])` input bytes.
    /// @param options max fee, callback gas limit, mode.
    /// @return jobId the new job's id (ids start at 1).
    function requestInference(bytes32 modelId, bytes calldata input, RequestOptions calldata options)
        external
        returns (uint256 jobId);

    /// @notice Same as requestInference, with an EIP-2612 permit for the fee instead of an approval.
    function requestInferenceWithPermit(
        bytes32 modelId,
        bytes calldata input,
        RequestOptions calldata options,
        Permit calldata permit
    ) external returns (uint256 jobId);

    /// @notice Submits a request signed by `request.requester` (EIP-712, see docs/protocol.md);
    ///         anyone may relay it. The fee comes from the requester (allowance or `permit`).
    function requestInferenceBySig(
        SignedRequest calldata request,
        bytes calldata input,
        bytes calldata signature,
        Permit calldata permit
    ) external returns (uint256 jobId);

    /// @notice Posts the result (executor only, before the result deadline).
    function submitResult(uint256 jobId, bytes calldata output) external;

    /// @notice Reports that no result can be produced (executor only, before the result deadline).
    function reportFailure(uint256 jobId, uint8 reasonCode) external;

    /// @notice Challenges the posted outcome within the challenge window, locking the bond
    ///         (eligible staked nodes other than the executor). Draws the committee.
    function challenge(uint256 jobId) external;

    /// @notice Commits `keccak256(abi.encode(jobId, valid, salt, member))` (committee, commit phase).
    function commitVote(uint256 jobId, bytes32 commitHash) external;

    /// @notice Reveals a committed vote (committee, after the commit deadline until the reveal deadline).
    function revealVote(uint256 jobId, bool valid, bytes32 salt) external;

    /// @notice Resolves a dispute after the reveal deadline, or earlier once every member revealed.
    function resolveDispute(uint256 jobId) external;

    /// @notice Settles a job after its challenge window (or once Verified): pays a result, refunds a
    ///         failure. Anyone may call. `output` must be the posted output when the job has a callback;
    ///         it is ignored otherwise.
    function finalize(uint256 jobId, bytes calldata output) external;

    /// @notice finalize for many jobs; jobs that are not due (or whose output does not match) are skipped.
    /// @param outputs either empty (no callback outputs) or one entry per job id.
    /// @return finalized how many jobs were settled.
    function finalizeBatch(uint256[] calldata jobIds, bytes[] calldata outputs) external returns (uint256 finalized);

    /// @notice Expires a job with no result after its deadline: refunds, penalizes the executor.
    function expire(uint256 jobId) external;

    /// @notice Transfers the caller's whole claimable balance to the caller.
    function withdraw() external returns (uint256 amount);

    /// @notice The stored job (status None for an unknown id).
    function getJob(uint256 jobId) external view returns (Job memory);

    /// @notice The job's status.
    function jobStatus(uint256 jobId) external view returns (JobStatus);

    /// @notice The posted result: status, commitment (zero before a result) and failure reason.
    function jobResult(uint256 jobId)
        external
        view
        returns (JobStatus status, bytes32 commitment, FailureReason failureReason);

    /// @notice The result commitment (zero before a result is posted).
    function commitmentOf(uint256 jobId) external view returns (bytes32);

    /// @notice The total amount escrowed for a job (model fee + node fee + protocol fee).
    function escrowOf(uint256 jobId) external view returns (uint256);

    /// @notice The dispute of a job (empty when none).
    function getDispute(uint256 jobId) external view returns (Dispute memory);

    /// @notice The fee a new job for this model costs now.
    function quoteFee(bytes32 modelId)
        external
        view
        returns (uint256 total, uint256 modelFee, uint256 nodeFeeAmount, uint256 protocolFee);

    /// @notice What an account can withdraw.
    function claimable(address account) external view returns (uint256);

    /// @notice The id the next job will get.
    function nextJobId() external view returns (uint256);
}
