// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {AgentRole} from "./AgentRole.sol";

/// @title Identity registry: which wallets belong to which verified investor
/// @notice In the spirit of ERC-3643's IdentityRegistry, without ONCHAINID claims: the platform's
/// KYC decides, and its agent writes the outcome here. One registry serves every bond token.
/// @dev No personal data goes on chain: `investorId` is keccak256 of the platform's investor id,
/// `country` the ISO 3166-1 alpha-2 code as two ASCII bytes ("DE" = 0x4445).
contract IdentityRegistry is AgentRole {
    struct Identity {
        bytes32 investorId;
        bytes2 country;
        bool verified;
    }

    mapping(address => Identity) private identities;

    event IdentityRegistered(address indexed wallet, bytes32 indexed investorId, bytes2 country);
    event IdentityRemoved(address indexed wallet, bytes32 indexed investorId);
    event CountryUpdated(address indexed wallet, bytes2 country);
    event VerificationUpdated(address indexed wallet, bool verified);

    error IdentityAlreadyRegistered(address wallet);
    error IdentityNotRegistered(address wallet);
    error InvalidInvestorId();
    error InvalidCountry(bytes2 country);

    constructor(address owner_) AgentRole(owner_) {}

    /// @notice Registers `wallet` for an investor whose KYC is approved: it starts verified.
    function registerIdentity(address wallet, bytes32 investorId, bytes2 country) external onlyAgent {
        require(wallet != address(0), ZeroAddress());
        require(identities[wallet].investorId == bytes32(0), IdentityAlreadyRegistered(wallet));
        require(investorId != bytes32(0), InvalidInvestorId());
        _requireCountry(country);
        identities[wallet] = Identity(investorId, country, true);
        emit IdentityRegistered(wallet, investorId, country);
    }

    function removeIdentity(address wallet) external onlyAgent {
        bytes32 investorId = _registered(wallet).investorId;
        delete identities[wallet];
        emit IdentityRemoved(wallet, investorId);
    }

    function updateCountry(address wallet, bytes2 country) external onlyAgent {
        Identity storage identity = _registered(wallet);
        _requireCountry(country);
        identity.country = country;
        emit CountryUpdated(wallet, country);
    }

    /// @notice KYC suspended (false) or approved again (true); a wallet that is not verified can
    /// neither receive nor send tokens.
    function setVerified(address wallet, bool verified) external onlyAgent {
        _registered(wallet).verified = verified;
        emit VerificationUpdated(wallet, verified);
    }

    function contains(address wallet) external view returns (bool) {
        return identities[wallet].investorId != bytes32(0);
    }

    function isVerified(address wallet) external view returns (bool) {
        return identities[wallet].verified;
    }

    function investorIdOf(address wallet) external view returns (bytes32) {
        return identities[wallet].investorId;
    }

    function countryOf(address wallet) external view returns (bytes2) {
        return identities[wallet].country;
    }

    function _registered(address wallet) private view returns (Identity storage identity) {
        identity = identities[wallet];
        require(identity.investorId != bytes32(0), IdentityNotRegistered(wallet));
    }

    function _requireCountry(bytes2 country) private pure {
        for (uint256 i; i < 2; ++i) {
            require(country[i] >= "A" && country[i] <= "Z", InvalidCountry(country));
        }
    }
}
