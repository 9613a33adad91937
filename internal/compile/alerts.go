package compile

func buildAlerts(c *ctx) {}
