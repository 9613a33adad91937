package deploy

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armdeployments"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources"
)

// DefaultPoll is the polling interval outside tests. ARM's long-running
// deployments take minutes; azcore refuses anything under one second
// (MinPoll), and NewClients never goes below it. Tests set Clients.Poll
// directly.
const (
	DefaultPoll = 5 * time.Second
	MinPoll     = time.Second
)

// Retry is how enclave retries ARM calls: throttling (429) and server
// errors (500, 502, 503, 504) and timeouts (408) with exponential backoff,
// waiting as long as a Retry-After header asks (azcore's retry policy reads
// Retry-After and retry-after-ms). ARM throttles per principal and
// subscription and says when to come back:
// https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling
func Retry() policy.RetryOptions {
	return policy.RetryOptions{
		MaxRetries:    5,
		RetryDelay:    2 * time.Second,
		MaxRetryDelay: 2 * time.Minute,
		StatusCodes: []int{
			http.StatusRequestTimeout,
			http.StatusTooManyRequests,
			http.StatusInternalServerError,
			http.StatusBadGateway,
			http.StatusServiceUnavailable,
			http.StatusGatewayTimeout,
		},
	}
}

// NewClients builds the clients of a subscription on cred. opts carries
// the transport (a fake server in tests) and retry settings; nil means
// Azure's public cloud with Retry(). poll is the polling interval, at
// least MinPoll; 0 means DefaultPoll.
func NewClients(subscription string, cred azcore.TokenCredential, opts *arm.ClientOptions, poll time.Duration) (*Clients, error) {
	if opts == nil {
		opts = &arm.ClientOptions{}
	}
	if opts.Retry.MaxRetries == 0 && opts.Retry.StatusCodes == nil {
		opts.Retry = Retry()
	}
	f, err := armdeployments.NewClientFactory(subscription, cred, opts)
	if err != nil {
		return nil, err
	}
	res, err := armresources.NewClient(subscription, cred, opts)
	if err != nil {
		return nil, err
	}
	switch {
	case poll == 0:
		poll = DefaultPoll
	case poll < MinPoll:
		poll = MinPoll
	}
	return &Clients{
		Subscription: subscription,
		Deployments:  f.NewDeploymentsClient(),
		Operations:   f.NewDeploymentOperationsClient(),
		Resources:    res,
		Poll:         poll,
	}, nil
}

// armScope is the token scope of Azure Resource Manager.
const armScope = "https://management.azure.com/.default"

// ErrNoCredential means no credential could sign in to Azure.
var ErrNoCredential = errors.New("no Azure credential available")

// DefaultCredential returns azidentity's DefaultAzureCredential, which
// tries environment variables (a service principal), workload identity,
// managed identity, then the Azure CLI, Azure Developer CLI and Azure
// PowerShell logins:
// https://learn.microsoft.com/azure/developer/go/sdk/authentication/credential-chains
func DefaultCredential() (azcore.TokenCredential, error) {
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoCredential, err)
	}
	return cred, nil
}

// CheckCredential asks cred for an ARM token, so a missing login shows up
// as one clear error before any deployment call. A credential that
// reached Azure and was refused is an authentication failure; any other
// failure means no credential is configured (ErrNoCredential).
func CheckCredential(ctx context.Context, cred azcore.TokenCredential) error {
	_, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{armScope}})
	if err == nil {
		return nil
	}
	var af *azidentity.AuthenticationFailedError
	if errors.As(err, &af) {
		return fmt.Errorf("azure refused the credential: %w", err)
	}
	return fmt.Errorf("%w: %v", ErrNoCredential, err)
}
