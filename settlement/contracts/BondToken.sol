// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {AgentRole} from "./AgentRole.sol";
import {IdentityRegistry} from "./IdentityRegistry.sol";

/// @title A digital bond: one permissioned ERC-20 token per ISIN, in the spirit of ERC-3643
/// @notice One token is one currency unit of par (0 decimals). Every mint and transfer passes the
/// compliance check: the token is not paused, both parties are verified in the identity registry
/// and neither wallet is frozen, and the sender's unfrozen balance covers the amount. Agents mint
/// allocations (each allocation id at most once), burn, freeze, pause, force transfers and
/// recover lost wallets; those agent overrides (burn, forced transfer, recovery) work while the
/// token is paused and take frozen tokens, so that a court order or a redemption is never blocked.
contract BondToken is AgentRole {
    /// A minted allocation: its receiver and amount (one storage slot).
    struct Allocation {
        address to;
        uint96 amount;
    }

    uint8 public constant decimals = 0;

    IdentityRegistry public immutable identityRegistry;
    /// Annual coupon rate in thousandths of a percent (4.125 % = 4125), paid on `paymentDates`.
    uint32 public immutable couponRate;
    /// Dates as Unix seconds at 00:00 UTC.
    uint64 public immutable issueDate;
    uint64 public immutable maturityDate;
    string public isin;
    string public name;
    uint64[] private _paymentDates;

    uint256 public totalSupply;
    bool public paused;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => bool) public isFrozen;
    mapping(address => uint256) private _frozenTokens;
    mapping(bytes32 => Allocation) private _allocations;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event AllocationMinted(bytes32 indexed allocationId, address indexed to, uint256 amount);
    event AddressFrozen(address indexed wallet, bool indexed isFrozen, address indexed agent);
    event TokensFrozen(address indexed wallet, uint256 amount);
    event TokensUnfrozen(address indexed wallet, uint256 amount);
    event Paused(address agent);
    event Unpaused(address agent);
    event ForcedTransfer(address indexed from, address indexed to, uint256 amount, address agent);
    event RecoverySuccess(address indexed lostWallet, address indexed newWallet, bytes32 indexed investorId);

    error TokenPaused();
    error TokenNotPaused();
    error WalletNotVerified(address wallet);
    error WalletFrozen(address wallet);
    error InsufficientUnfrozenBalance(address wallet, uint256 available, uint256 needed);
    error InsufficientFrozenTokens(address wallet, uint256 frozen, uint256 needed);
    error AllocationAlreadyMinted(bytes32 allocationId);
    error InvalidAllocationId();
    error InvalidAmount(uint256 amount);
    error ArrayLengthMismatch();
    error InvestorMismatch(address wallet, bytes32 investorId);
    error NothingToRecover(address lostWallet);
    error InvalidTerms(string reason);
    // the ERC-6093 errors of ERC-20
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error ERC20InvalidReceiver(address receiver);
    error ERC20InvalidSpender(address spender);

    /// @param paymentDates_ coupon payment dates, strictly increasing, after the issue date and
    /// not after maturity (none for a zero-coupon bill)
    constructor(
        address owner_,
        address agent,
        IdentityRegistry registry,
        string memory isin_,
        string memory name_,
        uint32 couponRate_,
        uint64 issueDate_,
        uint64 maturityDate_,
        uint64[] memory paymentDates_
    ) AgentRole(owner_) {
        require(address(registry) != address(0), ZeroAddress());
        require(bytes(isin_).length == 12, InvalidTerms("ISIN must have 12 characters"));
        require(issueDate_ < maturityDate_, InvalidTerms("maturity must be after issue"));
        uint64 previous = issueDate_;
        for (uint256 i; i < paymentDates_.length; ++i) {
            require(paymentDates_[i] > previous && paymentDates_[i] <= maturityDate_,
                InvalidTerms("payment dates must increase, after issue, until maturity"));
            previous = paymentDates_[i];
        }
        identityRegistry = registry;
        isin = isin_;
        name = name_;
        couponRate = couponRate_;
        issueDate = issueDate_;
        maturityDate = maturityDate_;
        _paymentDates = paymentDates_;
        _addAgent(agent);
    }

    // ---- ERC-20 ----

    /// @notice The ISIN is the symbol.
    function symbol() external view returns (string memory) {
        return isin;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= amount, ERC20InsufficientAllowance(msg.sender, allowed, amount));
            allowance[from][msg.sender] = allowed - amount;
        }
        _transfer(from, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        require(spender != address(0), ERC20InvalidSpender(spender));
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    // ---- bond terms ----

    function paymentDates() external view returns (uint64[] memory) {
        return _paymentDates;
    }

    // ---- allocations ----

    /// @notice Mints one allocation; reverts if `allocationId` was minted before.
    function mint(address to, uint256 amount, bytes32 allocationId) external onlyAgent {
        require(!paused, TokenPaused());
        _mint(to, amount, allocationId);
        totalSupply += amount;
    }

    /// @notice Mints every allocation or none: one used id reverts the whole batch.
    function batchMint(address[] calldata to, uint256[] calldata amounts, bytes32[] calldata allocationIds)
        external
        onlyAgent
    {
        require(to.length == amounts.length && to.length == allocationIds.length, ArrayLengthMismatch());
        require(!paused, TokenPaused());
        uint256 sum;
        for (uint256 i; i < to.length; ++i) {
            _mint(to[i], amounts[i], allocationIds[i]);
            sum += amounts[i];
        }
        totalSupply += sum;
    }

    function isAllocationMinted(bytes32 allocationId) external view returns (bool) {
        return _allocations[allocationId].to != address(0);
    }

    /// @notice For each id, whether it was minted: what a settlement retry asks before minting.
    function allocationsMinted(bytes32[] calldata allocationIds) external view returns (bool[] memory minted) {
        minted = new bool[](allocationIds.length);
        for (uint256 i; i < allocationIds.length; ++i) {
            minted[i] = _allocations[allocationIds[i]].to != address(0);
        }
    }

    /// @notice Receiver and amount of a minted allocation (zero address and 0 if not minted).
    function allocation(bytes32 allocationId) external view returns (address to, uint256 amount) {
        Allocation memory a = _allocations[allocationId];
        return (a.to, a.amount);
    }

    // ---- agent operations ----

    function burn(address wallet, uint256 amount) external onlyAgent {
        _takeFrom(wallet, amount);
        totalSupply -= amount;
        emit Transfer(wallet, address(0), amount);
    }

    function pause() external onlyAgent {
        require(!paused, TokenPaused());
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyAgent {
        require(paused, TokenNotPaused());
        paused = false;
        emit Unpaused(msg.sender);
    }

    function setAddressFrozen(address wallet, bool freeze) external onlyAgent {
        isFrozen[wallet] = freeze;
        emit AddressFrozen(wallet, freeze, msg.sender);
    }

    function getFrozenTokens(address wallet) external view returns (uint256) {
        return _frozenTokens[wallet];
    }

    function freezePartialTokens(address wallet, uint256 amount) external onlyAgent {
        uint256 free = balanceOf[wallet] - _frozenTokens[wallet];
        require(amount <= free, InsufficientUnfrozenBalance(wallet, free, amount));
        _frozenTokens[wallet] += amount;
        emit TokensFrozen(wallet, amount);
    }

    function unfreezePartialTokens(address wallet, uint256 amount) external onlyAgent {
        uint256 frozen = _frozenTokens[wallet];
        require(amount <= frozen, InsufficientFrozenTokens(wallet, frozen, amount));
        _frozenTokens[wallet] = frozen - amount;
        emit TokensUnfrozen(wallet, amount);
    }

    /// @notice Moves tokens without the holder's consent (court order): the receiver must be
    /// verified and not frozen; the sender's freeze and the pause do not stop it.
    function forcedTransfer(address from, address to, uint256 amount) external onlyAgent returns (bool) {
        _requireCanReceive(to);
        _takeFrom(from, amount);
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        emit ForcedTransfer(from, to, amount, msg.sender);
        return true;
    }

    /// @notice Key loss: moves the whole balance, its frozen part and a wallet freeze from
    /// `lostWallet` to `newWallet`. Both must be registered to `investorId`, the new one verified.
    function recoveryAddress(address lostWallet, address newWallet, bytes32 investorId)
        external
        onlyAgent
        returns (bool)
    {
        require(identityRegistry.investorIdOf(lostWallet) == investorId, InvestorMismatch(lostWallet, investorId));
        require(identityRegistry.investorIdOf(newWallet) == investorId, InvestorMismatch(newWallet, investorId));
        _requireCanReceive(newWallet);
        uint256 balance = balanceOf[lostWallet];
        require(balance != 0, NothingToRecover(lostWallet));
        uint256 frozen = _frozenTokens[lostWallet];
        balanceOf[lostWallet] = 0;
        balanceOf[newWallet] += balance;
        emit Transfer(lostWallet, newWallet, balance);
        if (frozen != 0) {
            _frozenTokens[lostWallet] = 0;
            _frozenTokens[newWallet] += frozen;
            emit TokensUnfrozen(lostWallet, frozen);
            emit TokensFrozen(newWallet, frozen);
        }
        if (isFrozen[lostWallet]) {
            isFrozen[newWallet] = true;
            emit AddressFrozen(newWallet, true, msg.sender);
        }
        emit RecoverySuccess(lostWallet, newWallet, investorId);
        return true;
    }

    // ---- internals ----

    function _mint(address to, uint256 amount, bytes32 allocationId) private {
        require(amount != 0 && amount <= type(uint96).max, InvalidAmount(amount));
        require(allocationId != bytes32(0), InvalidAllocationId());
        require(_allocations[allocationId].to == address(0), AllocationAlreadyMinted(allocationId));
        _requireCanReceive(to);
        _allocations[allocationId] = Allocation(to, uint96(amount));
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
        emit AllocationMinted(allocationId, to, amount);
    }

    /// The compliance check of a holder's transfer.
    function _transfer(address from, address to, uint256 amount) private {
        require(!paused, TokenPaused());
        require(!isFrozen[from], WalletFrozen(from));
        require(identityRegistry.isVerified(from), WalletNotVerified(from));
        _requireCanReceive(to);
        uint256 balance = balanceOf[from];
        require(amount <= balance, ERC20InsufficientBalance(from, balance, amount));
        uint256 free = balance - _frozenTokens[from];
        require(amount <= free, InsufficientUnfrozenBalance(from, free, amount));
        balanceOf[from] = balance - amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _requireCanReceive(address to) private view {
        require(to != address(0), ERC20InvalidReceiver(to));
        require(!isFrozen[to], WalletFrozen(to));
        require(identityRegistry.isVerified(to), WalletNotVerified(to));
    }

    /// Debits `wallet` for an agent override, unfreezing as many frozen tokens as the debit needs.
    function _takeFrom(address wallet, uint256 amount) private {
        uint256 balance = balanceOf[wallet];
        require(amount <= balance, ERC20InsufficientBalance(wallet, balance, amount));
        uint256 free = balance - _frozenTokens[wallet];
        if (amount > free) {
            uint256 unfrozen = amount - free;
            _frozenTokens[wallet] -= unfrozen;
            emit TokensUnfrozen(wallet, unfrozen);
        }
        balanceOf[wallet] = balance - amount;
    }
}
