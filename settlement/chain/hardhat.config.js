// Hardhat 2 config (CommonJS). Used only to run a local EVM node for settlement:
//   cd settlement/chain && node node_modules/hardhat/internal/cli/cli.js node --hostname 127.0.0.1 --port 8545
//
// Never prompt: this file is loaded before Hardhat's telemetry-consent check,
// so setting the variable here suppresses the prompt even on a TTY.
// (Hardhat also skips it when CI=true or stdout is not a TTY.)
process.env.HARDHAT_DISABLE_TELEMETRY_PROMPT = "true";
process.env.HARDHAT_HIDE_SOLIDITY_SURVEY_MESSAGE = "true";

module.exports = {
  solidity: "0.8.37",
  networks: {
    hardhat: {
      chainId: 31337,
    },
  },
};
