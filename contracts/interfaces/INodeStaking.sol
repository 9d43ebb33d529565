// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title INodeStaking
/// @notice OPG stakes of oracle nodes, the unbonding queue, hub-only slashing and the stake-weighted
///         eligible set the hub samples executors and committees from.
interface INodeStaking {
    /// @notice A node's stake record (one storage slot).
    struct NodeInfo {
        uint96 stake; // active stake: the eligibility weight when eligible
        uint96 unbonding; // requested for withdrawal; still slashable
        uint40 unbondingEndsAt; // when `unbonding` can be withdrawn
        uint16 slot; // 1-based position in the eligible set (0 = never staked)
    }

    /// @notice Emitted when a node adds stake.
    event Staked(address indexed node, uint256 amount, uint256 newStake);
    /// @notice Emitted when a node moves stake into unbonding (it stops receiving new work).
    event UnstakeRequested(address indexed node, uint256 amount, uint256 unbondingEndsAt);
    /// @notice Emitted when a node withdraws its unbonded stake.
    event Withdrawn(address indexed node, uint256 amount);
    /// @notice Emitted when the hub slashes a node; `amount` went to the hub.
    event Slashed(address indexed node, uint256 amount);
    /// @notice Emitted when a node's weight in the eligible set changes (0 = not eligible).
    event WeightChanged(address indexed node, uint256 weight);
    /// @notice Emitted once, when the deployer wires the hub.
    event HubSet(address indexed hub);

    /// @notice The amount is zero.
    error ZeroAmount();
    /// @notice The node has less active stake than it asked to unstake.
    error InsufficientStake(address node, uint256 have, uint256 need);
    /// @notice Nothing is unbonding for this node.
    error NothingToWithdraw(address node);
    /// @notice The unbonding period has not ended yet.
    error UnbondingNotEnded(address node, uint256 unbondingEndsAt);
    /// @notice Only the hub may call this.
    error OnlyHub(address caller);
    /// @notice Only the deployer may wire the hub, once.
    error NotDeployer(address caller);
    /// @notice The hub is already wired.
    error HubAlreadySet(address hub);
    /// @notice The hub address is zero.
    error ZeroHub();
    /// @notice The eligible set is full; no new node can stake.
    error NodeSetFull(uint256 maxNodes);
    /// @notice No node is eligible, so nothing can be assigned.
    error NoEligibleNodes();
    /// @notice The amount does not fit a uint96 stake.
    error StakeTooLarge(uint256 amount);

    /// @notice Adds `amount` OPG (pulled with transferFrom) to the caller's active stake.
    function stake(uint256 amount) external;

    /// @notice Moves `amount` of active stake into unbonding; restarts the unbonding clock.
    ///         While anything is unbonding the node is not eligible for new work.
    function requestUnstake(uint256 amount) external;

    /// @notice Transfers all unbonded stake to the caller after the unbonding period.
    function withdraw() external;

    /// @notice Takes up to `amount` from the node (active stake first, then unbonding) and sends it
    ///         to the hub. Hub only.
    /// @return slashed the amount actually taken (less than `amount` when the node has less).
    function slash(address node, uint256 amount) external returns (uint256 slashed);

    /// @notice Wires the hub, once, by the deployer.
    function setHub(address hub) external;

    /// @notice The stake record of a node.
    function nodeInfo(address node) external view returns (NodeInfo memory);

    /// @notice True when the node would be assigned new work (stake >= minimum, nothing unbonding).
    function isEligible(address node) external view returns (bool);

    /// @notice Sum of the weights of all eligible nodes.
    function totalEligibleStake() external view returns (uint256);

    /// @notice The node whose cumulative-weight range contains `randomWord % totalEligibleStake()`,
    ///         walking slots 1..n in order (see docs/protocol.md, "Assignment").
    function selectNode(uint256 randomWord) external view returns (address);

    /// @notice All nodes that ever staked, in slot order, with their current weights.
    function eligibleSet() external view returns (address[] memory nodes, uint256[] memory weights);
}
