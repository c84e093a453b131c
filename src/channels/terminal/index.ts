/** The local terminal chat over the chat core (user `cli:local`). */
export { runTerminalChat, renderReplies, type TerminalChatOptions } from './repl.js';
