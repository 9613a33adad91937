package importarm

import (
	"math/big"
	"net/netip"
	"strconv"
)

// cidrFunctions are parseCidr, cidrSubnet and cidrHost.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr
func cidrFunctions() Functions {
	return Functions{
		"parseCidr": fixed(1, func(_ *Call, args []Value) (Value, error) {
			p, err := argPrefix(args, 0)
			if err != nil {
				return Value{}, err
			}
			bits := p.Addr().BitLen()
			network := p.Masked().Addr()
			last := addrAdd(network, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits-p.Bits())), big.NewInt(1)))
			mask := addrFromInt(new(big.Int).Lsh(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(p.Bits())), big.NewInt(1)), uint(bits-p.Bits())), p.Addr().Is4())
			o := &Obj{}
			o.set("network", StringValue(network.String()))
			o.set("netmask", StringValue(mask.String()))
			first, lastUsable := network, last
			if p.Addr().Is4() {
				o.set("broadcast", StringValue(last.String()))
				if p.Bits() < 31 {
					first = network.Next()
					lastUsable = last.Prev()
				}
			}
			o.set("firstUsable", StringValue(first.String()))
			o.set("lastUsable", StringValue(lastUsable.String()))
			o.set("cidr", IntValue(int64(p.Bits())))
			return ObjectValue(o), nil
		}),
		"cidrSubnet": fixed(3, func(_ *Call, args []Value) (Value, error) {
			p, err := argPrefix(args, 0)
			if err != nil {
				return Value{}, err
			}
			nb, err := argInt(args, 1)
			if err != nil {
				return Value{}, err
			}
			idx, err := argInt(args, 2)
			if err != nil {
				return Value{}, err
			}
			bits := int64(p.Addr().BitLen())
			if nb < int64(p.Bits()) || nb > bits {
				return Value{}, errorf("the new prefix length must be between the network's and "+strconv.FormatInt(bits, 10), "new CIDR /%d does not fit in %s", nb, p)
			}
			count := new(big.Int).Lsh(big.NewInt(1), uint(nb-int64(p.Bits())))
			if idx < 0 || big.NewInt(idx).Cmp(count) >= 0 {
				return Value{}, errorf("", "subnet index %d is out of range: %s holds %s subnets of /%d", idx, p, count, nb)
			}
			off := new(big.Int).Lsh(big.NewInt(idx), uint(bits-nb))
			return StringValue(netip.PrefixFrom(addrAdd(p.Masked().Addr(), off), int(nb)).String()), nil
		}),
		"cidrHost": fixed(2, func(_ *Call, args []Value) (Value, error) {
			p, err := argPrefix(args, 0)
			if err != nil {
				return Value{}, err
			}
			idx, err := argInt(args, 1)
			if err != nil {
				return Value{}, err
			}
			bits := p.Addr().BitLen()
			size := new(big.Int).Lsh(big.NewInt(1), uint(bits-p.Bits()))
			usable := new(big.Int).Sub(size, big.NewInt(1)) // index 0 is the address after the network
			if p.Addr().Is4() {
				usable.Sub(usable, big.NewInt(1)) // and the broadcast address is not a host
			}
			if idx < 0 || big.NewInt(idx).Cmp(usable) >= 0 {
				return Value{}, errorf("", "host index %d is out of range for %s", idx, p)
			}
			return StringValue(addrAdd(p.Masked().Addr(), big.NewInt(idx+1)).String()), nil
		}),
	}
}

func argPrefix(args []Value, i int) (netip.Prefix, error) {
	s, err := argString(args, i)
	if err != nil {
		return netip.Prefix{}, err
	}
	p, perr := netip.ParsePrefix(s)
	if perr != nil {
		return netip.Prefix{}, errorf("write an address range in CIDR notation, e.g. 10.0.0.0/16", "%q is not a CIDR range", s)
	}
	return p, nil
}

func addrToInt(a netip.Addr) *big.Int { return new(big.Int).SetBytes(a.AsSlice()) }

func addrFromInt(n *big.Int, v4 bool) netip.Addr {
	size := 16
	if v4 {
		size = 4
	}
	b := n.FillBytes(make([]byte, size))
	a, _ := netip.AddrFromSlice(b)
	return a
}

func addrAdd(a netip.Addr, off *big.Int) netip.Addr {
	return addrFromInt(new(big.Int).Add(addrToInt(a), off), a.Is4())
}
