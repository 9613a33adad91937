package compile

func buildGovernance(c *ctx) {}
