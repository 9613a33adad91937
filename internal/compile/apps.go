package compile

func buildApps(c *ctx) {}
