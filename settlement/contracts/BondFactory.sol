// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {AgentRole} from "./AgentRole.sol";
import {BondToken} from "./BondToken.sol";
import {IdentityRegistry} from "./IdentityRegistry.sol";

/// @title Deploys one BondToken per ISIN, all checked against one identity registry
/// @notice An agent of the factory deploys; the new token's owner is the factory's owner and its
/// first agent is the deploying agent.
contract BondFactory is AgentRole {
    IdentityRegistry public immutable identityRegistry;
    mapping(bytes32 => address) private _tokens;

    event BondDeployed(string isin, address indexed token, address indexed agent);

    error IsinAlreadyDeployed(string isin, address token);

    constructor(address owner_, IdentityRegistry registry) AgentRole(owner_) {
        require(address(registry) != address(0), ZeroAddress());
        identityRegistry = registry;
    }

    /// @notice Deploys the token of `isin`; see BondToken's constructor for the terms.
    function deployBond(
        string calldata isin,
        string calldata name,
        uint32 couponRate,
        uint64 issueDate,
        uint64 maturityDate,
        uint64[] calldata paymentDates
    ) external onlyAgent returns (address token) {
        bytes32 key = keccak256(bytes(isin));
        require(_tokens[key] == address(0), IsinAlreadyDeployed(isin, _tokens[key]));
        token = address(new BondToken(
            owner, msg.sender, identityRegistry, isin, name, couponRate, issueDate, maturityDate, paymentDates));
        _tokens[key] = token;
        emit BondDeployed(isin, token, msg.sender);
    }

    /// @notice The token of `isin`, or the zero address if none was deployed.
    function tokenOf(string calldata isin) external view returns (address) {
        return _tokens[keccak256(bytes(isin))];
    }
}
