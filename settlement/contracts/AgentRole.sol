// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title Owner and agents (ERC-3643's AgentRole)
/// @notice The owner appoints and removes agents; agents carry out the day-to-day operations.
/// The owner key can stay cold: it is needed only to change who the agents are.
abstract contract AgentRole {
    address public owner;
    mapping(address => bool) private agents;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event AgentAdded(address indexed agent);
    event AgentRemoved(address indexed agent);

    error NotOwner(address caller);
    error NotAgent(address account);
    error AlreadyAgent(address account);
    error ZeroAddress();

    modifier onlyOwner() {
        require(msg.sender == owner, NotOwner(msg.sender));
        _;
    }

    modifier onlyAgent() {
        require(agents[msg.sender], NotAgent(msg.sender));
        _;
    }

    constructor(address owner_) {
        require(owner_ != address(0), ZeroAddress());
        owner = owner_;
        emit OwnershipTransferred(address(0), owner_);
    }

    function isAgent(address account) external view returns (bool) {
        return agents[account];
    }

    function addAgent(address agent) external onlyOwner {
        _addAgent(agent);
    }

    function removeAgent(address agent) external onlyOwner {
        require(agents[agent], NotAgent(agent));
        agents[agent] = false;
        emit AgentRemoved(agent);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), ZeroAddress());
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function _addAgent(address agent) internal {
        require(agent != address(0), ZeroAddress());
        require(!agents[agent], AlreadyAgent(agent));
        agents[agent] = true;
        emit AgentAdded(agent);
    }
}
