package arm

import (
	"fmt"

	"github.com/enclave-dev/enclave/internal/model"
)

type eventHubNamespaceProps struct {
	DisableLocalAuth       bool   `json:"disableLocalAuth"`
	MinimumTLSVersion      string `json:"minimumTlsVersion"`
	PublicNetworkAccess    string `json:"publicNetworkAccess"`
	IsAutoInflateEnabled   bool   `json:"isAutoInflateEnabled"`
	MaximumThroughputUnits int    `json:"maximumThroughputUnits,omitempty"`
	ZoneRedundant          bool   `json:"zoneRedundant"`
}

type eventHubProps struct {
	PartitionCount       int               `json:"partitionCount"`
	RetentionDescription eventHubRetention `json:"retentionDescription"`
}

type eventHubRetention struct {
	CleanupPolicy        string `json:"cleanupPolicy"`
	RetentionTimeInHours int    `json:"retentionTimeInHours"`
}

type consumerGroupProps struct {
	UserMetadata string `json:"userMetadata,omitempty"`
}

type asaClusterSKU struct {
	Name     string `json:"name"`
	Capacity int    `json:"capacity"`
}

type asaEndpointProps struct {
	ManualPrivateLinkServiceConnections []asaEndpointConnection `json:"manualPrivateLinkServiceConnections"`
}

type asaEndpointConnection struct {
	Properties asaEndpointConnectionProps `json:"properties"`
}

type asaEndpointConnectionProps struct {
	PrivateLinkServiceID string   `json:"privateLinkServiceId"`
	GroupIDs             []string `json:"groupIds"`
}

type asaJobProps struct {
	SKU                                asaJobSKU    `json:"sku"`
	JobType                            string       `json:"jobType"`
	Cluster                            *SubResource `json:"cluster,omitempty"`
	CompatibilityLevel                 string       `json:"compatibilityLevel"`
	DataLocale                         string       `json:"dataLocale"`
	EventsLateArrivalMaxDelayInSeconds int          `json:"eventsLateArrivalMaxDelayInSeconds"`
	EventsOutOfOrderMaxDelayInSeconds  int          `json:"eventsOutOfOrderMaxDelayInSeconds"`
	EventsOutOfOrderPolicy             string       `json:"eventsOutOfOrderPolicy"`
	OutputErrorPolicy                  string       `json:"outputErrorPolicy"`
	ContentStoragePolicy               string       `json:"contentStoragePolicy"`
}

type asaJobSKU struct {
	Name string `json:"name"`
}

type asaInputProps struct {
	Type          string           `json:"type"`
	Datasource    asaEventHubInput `json:"datasource"`
	Serialization asaSerialization `json:"serialization"`
}

type asaEventHubInput struct {
	Type       string                `json:"type"`
	Properties asaEventHubInputProps `json:"properties"`
}

type asaEventHubInputProps struct {
	ServiceBusNamespace string `json:"serviceBusNamespace"`
	EventHubName        string `json:"eventHubName"`
	ConsumerGroupName   string `json:"consumerGroupName"`
	AuthenticationMode  string `json:"authenticationMode"`
}

type asaOutputProps struct {
	Datasource    asaBlobOutput    `json:"datasource"`
	Serialization asaSerialization `json:"serialization"`
}

type asaBlobOutput struct {
	Type       string             `json:"type"`
	Properties asaBlobOutputProps `json:"properties"`
}

type asaBlobOutputProps struct {
	StorageAccounts    []asaStorageAccount `json:"storageAccounts"`
	Container          string              `json:"container"`
	PathPattern        string              `json:"pathPattern"`
	DateFormat         string              `json:"dateFormat"`
	TimeFormat         string              `json:"timeFormat"`
	AuthenticationMode string              `json:"authenticationMode"`
}

type asaStorageAccount struct {
	AccountName string `json:"accountName"`
}

type asaSerialization struct {
	Type       string               `json:"type"`
	Properties asaJSONSerialization `json:"properties"`
}

type asaJSONSerialization struct {
	Encoding string `json:"encoding"`
	Format   string `json:"format,omitempty"`
}

type asaQueryProps struct {
	Query          string `json:"query"`
	StreamingUnits int    `json:"streamingUnits"`
}

func addStreamingKinds(t table) {
	t.add(kind(eventHubAPI, func(x *Ctx, r *model.EventHubNamespace) (Body, error) {
		p := eventHubNamespaceProps{
			DisableLocalAuth:     r.LocalAuthDisabled,
			MinimumTLSVersion:    r.MinimumTLS,
			PublicNetworkAccess:  string(r.PublicNetworkAccess),
			IsAutoInflateEnabled: r.AutoInflate,
			ZoneRedundant:        r.ZoneRedundant,
		}
		if r.AutoInflate {
			p.MaximumThroughputUnits = r.MaxThroughputUnits
		}
		return Body{SKU: SKU{Name: string(r.SKU), Tier: string(r.SKU), Capacity: r.ThroughputUnits}, Properties: p}, nil
	}))
	t.add(kind(eventHubAPI, func(x *Ctx, r *model.EventHub) (Body, error) {
		return Body{Properties: eventHubProps{
			PartitionCount:       r.Partitions,
			RetentionDescription: eventHubRetention{CleanupPolicy: "Delete", RetentionTimeInHours: r.RetentionHours},
		}}, nil
	}))
	t.add(kind(eventHubAPI, func(x *Ctx, r *model.EventHubConsumerGroup) (Body, error) {
		return Body{Properties: consumerGroupProps{UserMetadata: Lit(r.Purpose)}}, nil
	}))
	t.add(kind(streamAnalyticsAPI, func(x *Ctx, r *model.StreamAnalyticsCluster) (Body, error) {
		return Body{SKU: asaClusterSKU{Name: "Default", Capacity: r.StreamingUnits}, Properties: struct{}{}}, nil
	}))
	t.add(kind(streamAnalyticsAPI, func(x *Ctx, r *model.StreamAnalyticsEndpoint) (Body, error) {
		return Body{Properties: asaEndpointProps{ManualPrivateLinkServiceConnections: []asaEndpointConnection{{
			Properties: asaEndpointConnectionProps{PrivateLinkServiceID: x.ID(r.Target), GroupIDs: []string{r.GroupID}},
		}}}}, nil
	}))
	t.add(kind(streamAnalyticsAPI, asaJob))
	t.add(kind(streamAnalyticsAPI, asaInput))
	t.add(kind(streamAnalyticsAPI, asaOutput))
	t.add(kind(streamAnalyticsAPI, func(x *Ctx, r *model.StreamAnalyticsQuery) (Body, error) {
		return Body{Properties: asaQueryProps{Query: Lit(r.Query), StreamingUnits: r.StreamingUnits}}, nil
	}))
}

func asaJob(x *Ctx, r *model.StreamAnalyticsJob) (Body, error) {
	p := asaJobProps{
		SKU:                                asaJobSKU{Name: "Standard"},
		JobType:                            "Cloud",
		Cluster:                            x.Sub(r.Cluster),
		CompatibilityLevel:                 r.CompatibilityLevel,
		DataLocale:                         "en-US",
		EventsLateArrivalMaxDelayInSeconds: r.LateArrivalSeconds,
		EventsOutOfOrderMaxDelayInSeconds:  r.OutOfOrderSeconds,
		EventsOutOfOrderPolicy:             "Drop",
		OutputErrorPolicy:                  "Drop",
		// Job metadata stays in the service's own storage; the job's data
		// plane credentials are its managed identity, never keys.
		ContentStoragePolicy: "SystemAccount",
	}
	if r.OutOfOrderAdjust {
		p.EventsOutOfOrderPolicy = "Adjust"
	}
	if r.StopOnOutputError {
		p.OutputErrorPolicy = "Stop"
	}
	return Body{Identity: x.Identity(r.Identity), Properties: p}, nil
}

func asaInput(x *Ctx, r *model.StreamAnalyticsInput) (Body, error) {
	namespace := r.EventHub.Parent()
	if namespace.Type != model.TypeEventHubNamespace {
		return Body{}, fmt.Errorf("input %s does not read an event hub", r.Name)
	}
	p := asaInputProps{
		Type: "Stream",
		Datasource: asaEventHubInput{
			Type: "Microsoft.ServiceBus/EventHub",
			Properties: asaEventHubInputProps{
				ServiceBusNamespace: namespace.Leaf(),
				EventHubName:        r.EventHub.Leaf(),
				ConsumerGroupName:   r.ConsumerGroup.Leaf(),
				AuthenticationMode:  "Msi",
			},
		},
		Serialization: asaSerialization{Type: "Json", Properties: asaJSONSerialization{Encoding: "UTF8"}},
	}
	return Body{Properties: p}, nil
}

func asaOutput(x *Ctx, r *model.StreamAnalyticsOutput) (Body, error) {
	account := r.Container.Parent().Parent()
	if account.Type != model.TypeStorageAccount {
		return Body{}, fmt.Errorf("output %s does not write to a blob container", r.Name)
	}
	p := asaOutputProps{
		Datasource: asaBlobOutput{
			Type: "Microsoft.Storage/Blob",
			Properties: asaBlobOutputProps{
				StorageAccounts:    []asaStorageAccount{{AccountName: account.Leaf()}},
				Container:          r.Container.Leaf(),
				PathPattern:        r.PathPattern,
				DateFormat:         "yyyy/MM/dd",
				TimeFormat:         "HH",
				AuthenticationMode: "Msi",
			},
		},
		Serialization: asaSerialization{Type: "Json", Properties: asaJSONSerialization{Encoding: "UTF8", Format: "LineSeparated"}},
	}
	return Body{Properties: p}, nil
}
