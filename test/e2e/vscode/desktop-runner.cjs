// Desktop VS Code's test entry: the same body as the web suite.
exports.run = () => require('./suite.cjs').run();
