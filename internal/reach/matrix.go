package reach

// Cell is the answer for one ordered pair of subnets: which protocols and
// ports from every address of one reach every address of the other.
type Cell struct {
	From, To *Subnet
	Verdict  Verdict
	// Allowed spells the protocols and ports that arrive ("tcp/443").
	Allowed string
	Trace   Trace
}

// Matrix computes subnet-to-subnet reachability for every ordered pair of
// distinct subnets, over every protocol and port.
func (n *Network) Matrix() []Cell {
	var out []Cell
	for _, a := range n.subnets {
		from := subnetEndpoint(a)
		for _, b := range n.subnets {
			if a == b {
				continue
			}
			tr := n.Trace(Flow{From: from, To: subnetEndpoint(b), Proto: allProtos, Ports: allPorts})
			c := Cell{From: a, To: b, Verdict: tr.Verdict, Trace: tr}
			if !tr.Allowed.IsEmpty() {
				c.Allowed = describePorts(tr.Allowed)
			}
			out = append(out, c)
		}
	}
	return out
}
