package check

// aliasException is an alias whose path does not follow the default-path
// convention ("<type>/<x>" -> "properties.<x>").
type aliasException struct {
	typ, alias, path string
}

// aliasExceptions are the exceptions among the aliases enclave's
// definitions and the built-in definitions for enclave's resource types
// use. TestAliasExceptionsMatchDump checks each against a Get-AzPolicyAlias
// dump when one is available.
var aliasExceptions = []aliasException{}
