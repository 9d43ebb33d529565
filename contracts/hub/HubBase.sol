// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IInferenceHub} from "../interfaces/IInferenceHub.sol";
import {IModelRegistry} from "../interfaces/IModelRegistry.sol";
import {INodeStaking} from "../interfaces/INodeStaking.sol";

/// @title HubBase
/// @notice Wiring, parameters, storage and the money helpers shared by the hub's parts.
/// @dev Accounting: every token the hub holds is exactly one of (a) the escrow of an open job,
///      (b) the bond of an open dispute, (c) a claimable balance. Payments, refunds, rewards and
///      returned bonds are credited to claimable balances (pull payments, see `withdraw`), so the
///      hub makes no token transfer to anyone but the caller of `withdraw`.
abstract contract HubBase is IInferenceHub {
    using SafeERC20 for IERC20;

    uint256 internal constant BPS = 10_000;
    uint256 internal constant MAX_COMMITTEE = 15;

    /// @notice The fee and stake token ($OPG).
    IERC20 public immutable token;
    /// @notice The model registry.
    IModelRegistry public immutable registry;
    /// @notice The node staking contract.
    INodeStaking public immutable staking;
    /// @notice Receives the protocol cut, forfeited bonds and slashed stake not paid out.
    address public immutable treasury;

    /// @notice OPG wei per job for the executor.
    uint256 public immutable nodeFee;
    /// @notice Protocol cut on (model fee + node fee), in basis points.
    uint256 public immutable protocolFeeBps;
    /// @notice Seconds from request to the result deadline.
    uint256 public immutable resultTimeoutSeconds;
    /// @notice Seconds from a posted result or failure to the end of its challenge window.
    uint256 public immutable challengeWindowSeconds;
    /// @notice Seconds from a challenge to the commit deadline.
    uint256 public immutable commitPhaseSeconds;
    /// @notice Seconds from the commit deadline to the reveal deadline.
    uint256 public immutable revealPhaseSeconds;
    /// @notice Committee members drawn per dispute.
    uint256 public immutable committeeSize;
    /// @notice OPG wei a challenger locks.
    uint256 public immutable challengeBond;
    /// @notice Stake taken from an executor whose outcome is overturned.
    uint256 public immutable slashAmount;
    /// @notice Stake taken from an executor that lets a job expire.
    uint256 public immutable expiryPenalty;
    /// @notice Stake taken from a committee member that does not reveal.
    uint256 public immutable nonVoterPenalty;
    /// @notice Share of an executor's slash paid to the winning challenger, in basis points.
    uint256 public immutable challengerRewardBps;
    /// @notice Share of a slash or forfeited bond split among majority voters, in basis points.
    uint256 public immutable voterRewardBps;
    /// @notice Largest callback gas limit a request may ask for.
    uint32 public immutable maxCallbackGasLimit;

    struct Ballot {
        bytes32 commitHash;
        bool isMember;
        bool revealed;
        bool valid;
    }

    uint256 internal _nextJobId = 1;
    mapping(uint256 jobId => Job) internal _jobs;
    mapping(uint256 jobId => Dispute) internal _disputes;
    mapping(uint256 jobId => mapping(address member => Ballot)) internal _ballots;
    mapping(address account => uint256) internal _claimable;

    constructor(IERC20 token_, IModelRegistry registry_, INodeStaking staking_, address treasury_, Config memory c) {
        if (treasury_ == address(0)) revert InvalidConfig("treasury");
        if (c.protocolFeeBps > BPS) revert InvalidConfig("protocolFeeBps");
        if (uint256(c.challengerRewardBps) + c.voterRewardBps > BPS) revert InvalidConfig("rewardBps");
        if (c.committeeSize == 0 || c.committeeSize > MAX_COMMITTEE) revert InvalidConfig("committeeSize");
        if (c.resultTimeoutSeconds == 0 || c.challengeWindowSeconds == 0) revert InvalidConfig("windows");
        if (c.commitPhaseSeconds == 0 || c.revealPhaseSeconds == 0) revert InvalidConfig("phases");
        if (c.challengeBond > type(uint96).max) revert InvalidConfig("challengeBond");
        token = token_;
        registry = registry_;
        staking = staking_;
        treasury = treasury_;
        nodeFee = c.nodeFee;
        protocolFeeBps = c.protocolFeeBps;
        resultTimeoutSeconds = c.resultTimeoutSeconds;
        challengeWindowSeconds = c.challengeWindowSeconds;
        commitPhaseSeconds = c.commitPhaseSeconds;
        revealPhaseSeconds = c.revealPhaseSeconds;
        committeeSize = c.committeeSize;
        challengeBond = c.challengeBond;
        slashAmount = c.slashAmount;
        expiryPenalty = c.expiryPenalty;
        nonVoterPenalty = c.nonVoterPenalty;
        challengerRewardBps = c.challengerRewardBps;
        voterRewardBps = c.voterRewardBps;
        maxCallbackGasLimit = c.maxCallbackGasLimit;
    }

    /// @dev The protocol cut for a given model fee (node fee and bps are immutable).
    function _protocolFee(uint256 modelFee) internal view returns (uint256) {
        return (modelFee + nodeFee) * protocolFeeBps / BPS;
    }

    function _escrow(uint256 modelFee) internal view returns (uint256) {
        return modelFee + nodeFee + _protocolFee(modelFee);
    }

    /// @dev The job in storage, checked to exist and to be in `expected`.
    function _jobIn(uint256 jobId, JobStatus expected) internal view returns (Job storage job) {
        job = _jobs[jobId];
        JobStatus status = job.status;
        if (status != expected) {
            if (status == JobStatus.None) revert JobNotFound(jobId);
            revert InvalidJobStatus(jobId, status);
        }
    }

    function _credit(address account, uint256 amount) internal {
        if (amount == 0) return;
        _claimable[account] += amount;
        emit BalanceCredited(account, amount);
    }

    /// @dev Credits the whole escrow back to the requester and moves the job to a terminal state.
    function _refund(uint256 jobId, Job storage job, JobStatus newStatus) internal {
        job.status = newStatus;
        uint256 amount = _escrow(job.modelFee);
        address requester = job.requester;
        _credit(requester, amount);
        emit JobRefunded(jobId, requester, amount, newStatus);
    }

    /// @dev Takes up to `amount` of a node's stake into the hub; the caller credits it.
    function _slash(uint256 jobId, address node, uint256 amount) internal returns (uint256 slashed) {
        if (amount == 0) return 0;
        slashed = staking.slash(node, amount);
        if (slashed != 0) emit NodeSlashed(jobId, node, slashed);
    }
}
