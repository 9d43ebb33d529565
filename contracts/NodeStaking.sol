// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {INodeStaking} from "./interfaces/INodeStaking.sol";

/// @title NodeStaking
/// @notice OPG stakes of oracle nodes. The eligible set is a Fenwick tree of weights over at most
///         MAX_NODES slots (a node keeps its slot forever; weight 0 = not eligible), so sampling by
///         cumulative stake and updating a weight both cost O(log MAX_NODES) storage reads.
contract NodeStaking is INodeStaking, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Slots in the eligible set (a power of two).
    uint256 public constant MAX_NODES = 128;

    /// @notice The staking token ($OPG).
    IERC20 public immutable token;
    /// @notice Stake a node needs to be eligible for new work.
    uint256 public immutable minStake;
    /// @notice Seconds between requestUnstake and withdraw.
    uint256 public immutable unbondingPeriodSeconds;
    /// @notice The account that may wire the hub once.
    address public immutable deployer;

    /// @notice The InferenceHub, the only account that may slash.
    address public hub;
    /// @notice Number of slots in use.
    uint256 public nodeCount;

    uint256 private _totalWeight;
    uint256[MAX_NODES + 1] private _tree; // 1-based Fenwick tree of weights
    mapping(address node => NodeInfo) private _nodes;
    mapping(uint256 slot => address node) private _slotNode;

    /// @param token_ the $OPG token.
    /// @param minStake_ stake needed for eligibility.
    /// @param unbondingPeriodSeconds_ seconds an unstake waits before withdrawal.
    constructor(IERC20 token_, uint256 minStake_, uint256 unbondingPeriodSeconds_) {
        token = token_;
        minStake = minStake_;
        unbondingPeriodSeconds = unbondingPeriodSeconds_;
        deployer = msg.sender;
    }

    /// @inheritdoc INodeStaking
    function setHub(address hub_) external {
        if (msg.sender != deployer) revert NotDeployer(msg.sender);
        if (hub != address(0)) revert HubAlreadySet(hub);
        if (hub_ == address(0)) revert ZeroHub();
        hub = hub_;
        emit HubSet(hub_);
    }

    /// @inheritdoc INodeStaking
    function stake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        NodeInfo memory info = _nodes[msg.sender];
        uint256 newStake = uint256(info.stake) + amount;
        if (newStake > type(uint96).max) revert StakeTooLarge(amount);
        if (info.slot == 0) {
            uint256 slot = nodeCount + 1;
            if (slot > MAX_NODES) revert NodeSetFull(MAX_NODES);
            nodeCount = slot;
            info.slot = uint16(slot);
            _slotNode[slot] = msg.sender;
        }
        uint256 oldWeight = _weight(info);
        info.stake = uint96(newStake);
        _store(msg.sender, info, oldWeight);
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Staked(msg.sender, amount, newStake);
    }

    /// @inheritdoc INodeStaking
    function requestUnstake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        NodeInfo memory info = _nodes[msg.sender];
        if (amount > info.stake) revert InsufficientStake(msg.sender, info.stake, amount);
        uint256 oldWeight = _weight(info);
        info.stake -= uint96(amount);
        info.unbonding += uint96(amount);
        uint256 endsAt = block.timestamp + unbondingPeriodSeconds;
        info.unbondingEndsAt = uint40(endsAt);
        _store(msg.sender, info, oldWeight);
        emit UnstakeRequested(msg.sender, amount, endsAt);
    }

    /// @inheritdoc INodeStaking
    function withdraw() external nonReentrant {
        NodeInfo memory info = _nodes[msg.sender];
        uint256 amount = info.unbonding;
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        if (block.timestamp < info.unbondingEndsAt) revert UnbondingNotEnded(msg.sender, info.unbondingEndsAt);
        uint256 oldWeight = _weight(info);
        info.unbonding = 0;
        info.unbondingEndsAt = 0;
        _store(msg.sender, info, oldWeight);
        token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    /// @inheritdoc INodeStaking
    function slash(address node, uint256 amount) external nonReentrant returns (uint256 slashed) {
        if (msg.sender != hub) revert OnlyHub(msg.sender);
        NodeInfo memory info = _nodes[node];
        uint256 oldWeight = _weight(info);
        uint256 fromStake = amount < info.stake ? amount : info.stake;
        info.stake -= uint96(fromStake);
        uint256 rest = amount - fromStake;
        uint256 fromUnbonding = rest < info.unbonding ? rest : info.unbonding;
        info.unbonding -= uint96(fromUnbonding);
        slashed = fromStake + fromUnbonding;
        if (slashed == 0) return 0;
        _store(node, info, oldWeight);
        token.safeTransfer(msg.sender, slashed);
        emit Slashed(node, slashed);
    }

    /// @inheritdoc INodeStaking
    function nodeInfo(address node) external view returns (NodeInfo memory) {
        return _nodes[node];
    }

    /// @inheritdoc INodeStaking
    function isEligible(address node) external view returns (bool) {
        return _weight(_nodes[node]) != 0;
    }

    /// @inheritdoc INodeStaking
    function totalEligibleStake() external view returns (uint256) {
        return _totalWeight;
    }

    /// @inheritdoc INodeStaking
    function selectNode(uint256 randomWord) external view returns (address) {
        uint256 total = _totalWeight;
        if (total == 0) revert NoEligibleNodes();
        uint256 remaining = randomWord % total;
        uint256 count = nodeCount;
        uint256 pos;
        // Fenwick descent: the largest pos with prefix(pos) <= r; the answer is slot pos + 1.
        // Steps that land past nodeCount can never be taken (prefix there is the total), so they are skipped.
        for (uint256 step = MAX_NODES / 2; step != 0; step >>= 1) {
            uint256 next = pos + step;
            if (next <= count) {
                uint256 part = _tree[next];
                if (part <= remaining) {
                    pos = next;
                    remaining -= part;
                }
            }
        }
        return _slotNode[pos + 1];
    }

    /// @inheritdoc INodeStaking
    function eligibleSet() external view returns (address[] memory nodes, uint256[] memory weights) {
        uint256 count = nodeCount;
        nodes = new address[](count);
        weights = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            address node = _slotNode[i + 1];
            nodes[i] = node;
            weights[i] = _weight(_nodes[node]);
        }
    }

    function _weight(NodeInfo memory info) private view returns (uint256) {
        return info.unbonding == 0 && info.stake >= minStake ? info.stake : 0;
    }

    function _store(address node, NodeInfo memory info, uint256 oldWeight) private {
        _nodes[node] = info;
        uint256 newWeight = _weight(info);
        if (newWeight == oldWeight) return;
        uint256 slot = info.slot;
        unchecked {
            if (newWeight > oldWeight) {
                uint256 delta = newWeight - oldWeight;
                _totalWeight += delta;
                for (uint256 i = slot; i <= MAX_NODES; i += i & (~i + 1)) _tree[i] += delta;
            } else {
                uint256 delta = oldWeight - newWeight;
                _totalWeight -= delta;
                for (uint256 i = slot; i <= MAX_NODES; i += i & (~i + 1)) _tree[i] -= delta;
            }
        }
        emit WeightChanged(node, newWeight);
    }
}
