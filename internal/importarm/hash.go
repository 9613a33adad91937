package importarm

import (
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
)

// uniqueString is ARM's uniqueString(): the arguments joined with '-',
// hashed with the 64-bit MurmurHash variant Azure Resource Manager uses, and
// the top 65 bits written as 13 lowercase base32 characters. Verified against
// values Azure produced (see hash_test.go).
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uniquestring
func uniqueString(parts ...string) string {
	h := murmur64([]byte(strings.Join(parts, "-")))
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	var out [13]byte
	for i := range out {
		out[i] = alphabet[h>>59]
		h <<= 5
	}
	return string(out[:])
}

// murmur64 is the two-lane 32-bit MurmurHash3-style hash producing 64 bits
// that ARM's uniqueString is built on.
func murmur64(data []byte) uint64 {
	const (
		c1 = 0xab0e9789
		c2 = 0x239b961b
	)
	var h1, h2 uint32
	n := len(data)
	i := 0
	for ; i+8 <= n; i += 8 {
		k1 := binary.LittleEndian.Uint32(data[i:])
		k2 := binary.LittleEndian.Uint32(data[i+4:])
		k1 = bits.RotateLeft32(k1*c2, 15) * c1
		h1 = bits.RotateLeft32(h1^k1, 19) + h2
		h1 = h1*5 + 0x561ccd1b
		k2 = bits.RotateLeft32(k2*c1, 17) * c2
		h2 = bits.RotateLeft32(h2^k2, 13) + h1
		h2 = h2*5 + 0x0bcaa747
	}
	if rest := n - i; rest > 0 {
		var k1, k2 uint32
		for j := min(rest, 4) - 1; j >= 0; j-- {
			k1 = k1<<8 | uint32(data[i+j])
		}
		h1 ^= bits.RotateLeft32(k1*c2, 15) * c1
		if rest > 4 {
			for j := rest - 1; j >= 4; j-- {
				k2 = k2<<8 | uint32(data[i+j])
			}
			h2 ^= bits.RotateLeft32(k2*c1, 17) * c2
		}
	}
	h2 ^= uint32(n)
	h1 = (h1 ^ uint32(n)) + h2
	h2 += h1
	h1, h2 = fmix32(h1), fmix32(h2)
	h1 += h2
	h2 += h1
	return uint64(h2)<<32 | uint64(h1)
}

func fmix32(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// guidNamespace is the UUID namespace ARM's guid() hashes names in.
var guidNamespace = [16]byte{0x11, 0xfb, 0x06, 0xfb, 0x71, 0x2d, 0x4d, 0xdd, 0x98, 0xc7, 0xe7, 0x1b, 0xbd, 0x58, 0x88, 0x30}

// armGUID is ARM's guid(): a name-based (version 5, SHA-1) UUID of the
// arguments joined with '-' in namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#guid
func armGUID(parts ...string) string {
	h := sha1.New()
	h.Write(guidNamespace[:])
	h.Write([]byte(strings.Join(parts, "-")))
	sum := h.Sum(nil)
	var u [16]byte
	copy(u[:], sum)
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
