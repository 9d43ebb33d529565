// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {HubBase} from "./HubBase.sol";

/// @title HubDisputes
/// @notice Challenge, committee draw, commit-reveal voting and resolution (docs/protocol.md, "Disputes").
abstract contract HubDisputes is HubBase, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Challenges a posted result or failure. States: Submitted | FailureReported -> Disputed.
    function challenge(uint256 jobId) external nonReentrant {
        Job storage job = _jobs[jobId];
        JobStatus status = job.status;
        if (status != JobStatus.Submitted && status != JobStatus.FailureReported) {
            if (status == JobStatus.None) revert JobNotFound(jobId);
            revert InvalidJobStatus(jobId, status);
        }
        if (block.timestamp > job.deadline) revert DeadlinePassed(jobId, job.deadline);
        address executor = job.executor;
        if (msg.sender == executor) revert SelfChallenge(jobId);
        if (!staking.isEligible(msg.sender)) revert NotEligibleNode(msg.sender);

        Dispute storage dispute = _disputes[jobId];
        address[] memory committee = _drawCommittee(jobId, executor, msg.sender);
        if (committee.length == 0) revert NoCommitteeAvailable(jobId);
        for (uint256 i = 0; i < committee.length; ++i) {
            _ballots[jobId][committee[i]].isMember = true;
        }
        uint256 commitDeadline = block.timestamp + commitPhaseSeconds;
        uint256 revealDeadline = commitDeadline + revealPhaseSeconds;
        job.status = JobStatus.Disputed;
        dispute.challenger = msg.sender;
        dispute.commitDeadline = uint40(commitDeadline);
        dispute.revealDeadline = uint40(revealDeadline);
        dispute.bond = uint96(challengeBond);
        dispute.committee = committee;

        token.safeTransferFrom(msg.sender, address(this), challengeBond);
        emit DisputeOpened(jobId, msg.sender, challengeBond, committee, uint64(commitDeadline), uint64(revealDeadline));
    }

    /// @notice Commits a vote hash. State: Disputed, before the commit deadline; committee only.
    function commitVote(uint256 jobId, bytes32 commitHash) external nonReentrant {
        _jobIn(jobId, JobStatus.Disputed);
        Ballot storage ballot = _ballots[jobId][msg.sender];
        if (!ballot.isMember) revert NotCommitteeMember(jobId, msg.sender);
        uint256 commitDeadline = _disputes[jobId].commitDeadline;
        if (block.timestamp > commitDeadline) revert DeadlinePassed(jobId, commitDeadline);
        if (ballot.commitHash != bytes32(0)) revert AlreadyCommitted(jobId, msg.sender);
        ballot.commitHash = commitHash;
        emit VoteCommitted(jobId, msg.sender, commitHash);
    }

    /// @notice Reveals a vote. State: Disputed, after the commit deadline until the reveal deadline.
    function revealVote(uint256 jobId, bool valid, bytes32 salt) external nonReentrant {
        _jobIn(jobId, JobStatus.Disputed);
        Ballot storage ballot = _ballots[jobId][msg.sender];
        if (!ballot.isMember) revert NotCommitteeMember(jobId, msg.sender);
        Dispute storage dispute = _disputes[jobId];
        if (block.timestamp <= dispute.commitDeadline) revert PhaseNotOpen(jobId, dispute.commitDeadline);
        if (block.timestamp > dispute.revealDeadline) revert DeadlinePassed(jobId, dispute.revealDeadline);
        if (ballot.commitHash == bytes32(0) || ballot.revealed) revert NothingToReveal(jobId, msg.sender);
        if (keccak256(abi.encode(jobId, valid, salt, msg.sender)) != ballot.commitHash) {
            revert RevealMismatch(jobId, msg.sender);
        }
        ballot.revealed = true;
        ballot.valid = valid;
        if (valid) dispute.validVotes += 1;
        else dispute.invalidVotes += 1;
        emit VoteRevealed(jobId, msg.sender, valid);
    }

    /// @notice Resolves a dispute. State: Disputed -> Verified | Refunded | Rejected.
    ///         Callable by anyone after the reveal deadline, or once every member revealed.
    function resolveDispute(uint256 jobId) external nonReentrant {
        Job storage job = _jobIn(jobId, JobStatus.Disputed);
        Dispute storage dispute = _disputes[jobId];
        address[] memory committee = dispute.committee;
        uint256 validVotes = dispute.validVotes;
        uint256 invalidVotes = dispute.invalidVotes;
        if (block.timestamp <= dispute.revealDeadline && validVotes + invalidVotes < committee.length) {
            revert DeadlineNotReached(jobId, dispute.revealDeadline);
        }

        DisputeOutcome outcome;
        if ((validVotes + invalidVotes) * 2 <= committee.length || validVotes == invalidVotes) {
            outcome = DisputeOutcome.NoDecision;
        } else if (validVotes > invalidVotes) {
            outcome = DisputeOutcome.Upheld;
        } else {
            outcome = DisputeOutcome.Overturned;
        }
        dispute.outcome = outcome;

        uint256 toTreasury = _penalizeNonVoters(jobId, committee);
        address challenger = dispute.challenger;
        uint256 bond = dispute.bond;
        JobStatus newStatus;
        if (outcome == DisputeOutcome.Overturned) {
            uint256 slashed = _slash(jobId, job.executor, slashAmount);
            uint256 challengerReward = slashed * challengerRewardBps / BPS;
            uint256 voterPool = slashed * voterRewardBps / BPS;
            uint256 paidToVoters = _payMajority(jobId, committee, false, invalidVotes, voterPool);
            toTreasury += slashed - challengerReward - paidToVoters;
            _credit(challenger, bond + challengerReward);
            newStatus = JobStatus.Rejected;
            _refund(jobId, job, newStatus);
        } else {
            if (outcome == DisputeOutcome.Upheld) {
                uint256 voterPool = bond * voterRewardBps / BPS;
                uint256 paidToVoters = _payMajority(jobId, committee, true, validVotes, voterPool);
                toTreasury += bond - paidToVoters;
            } else {
                _credit(challenger, bond);
            }
            if (job.failureReason == FailureReason.None) {
                newStatus = JobStatus.Verified;
                job.status = newStatus;
            } else {
                newStatus = JobStatus.Refunded;
                _refund(jobId, job, newStatus);
            }
        }
        _credit(treasury, toTreasury);
        emit DisputeResolved(jobId, outcome, validVotes, invalidVotes, newStatus);
    }

    /// @notice The committee ballot of `member` for a job.
    function ballotOf(uint256 jobId, address member)
        external
        view
        returns (bool isMember, bytes32 commitHash, bool revealed, bool valid)
    {
        Ballot storage ballot = _ballots[jobId][member];
        return (ballot.isMember, ballot.commitHash, ballot.revealed, ballot.valid);
    }

    /// @dev Up to `committeeSize` distinct eligible nodes, never the executor or the challenger.
    ///      Draw i (0-based) samples `staking.selectNode(keccak256(abi.encode(prevrandao, jobId, i + 1)))`;
    ///      draws that hit an excluded or already drawn node are skipped; at most 4 * committeeSize draws.
    function _drawCommittee(uint256 jobId, address executor, address challenger)
        private
        view
        returns (address[] memory committee)
    {
        uint256 size = committeeSize;
        committee = new address[](size);
        uint256 count;
        uint256 maxDraws = size * 4;
        for (uint256 i = 0; i < maxDraws && count < size; ++i) {
            address candidate = staking.selectNode(uint256(keccak256(abi.encode(block.prevrandao, jobId, i + 1))));
            if (candidate == executor || candidate == challenger) continue;
            bool seen;
            for (uint256 j = 0; j < count; ++j) {
                if (committee[j] == candidate) {
                    seen = true;
                    break;
                }
            }
            if (!seen) committee[count++] = candidate;
        }
        assembly ("memory-safe") {
            mstore(committee, count)
        }
    }

    /// @dev Slashes every member that did not reveal; returns what was taken (for the treasury).
    function _penalizeNonVoters(uint256 jobId, address[] memory committee) private returns (uint256 taken) {
        for (uint256 i = 0; i < committee.length; ++i) {
            if (!_ballots[jobId][committee[i]].revealed) taken += _slash(jobId, committee[i], nonVoterPenalty);
        }
    }

    /// @dev Splits `pool` equally among members who revealed `side`; returns what was paid.
    function _payMajority(uint256 jobId, address[] memory committee, bool side, uint256 voters, uint256 pool)
        private
        returns (uint256 paid)
    {
        if (voters == 0 || pool == 0) return 0;
        uint256 share = pool / voters;
        for (uint256 i = 0; i < committee.length; ++i) {
            Ballot storage ballot = _ballots[jobId][committee[i]];
            if (ballot.revealed && ballot.valid == side) {
                _credit(committee[i], share);
                paid += share;
            }
        }
    }
}
