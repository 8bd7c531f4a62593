using Monotone.Tool;
using Monotone.Tool.Console;

return MonotoneCli.Run(args, ToolConsole.System);
