package compile

import "github.com/enclave-dev/enclave/internal/model"

// Streaming defaults.
const (
	// defaultStreamingUnits sizes the job when the spec does not.
	defaultStreamingUnits = 3
	// clusterStreamingUnits is the smallest Stream Analytics cluster.
	clusterStreamingUnits = 36
	// Event Hubs Standard keeps events at most seven days.
	eventRetentionHours = 7 * 24
	eventPartitions     = 4
	// The namespace starts at one throughput unit and grows on demand.
	eventBaseTU = 1
	eventMaxTU  = 4
)

// Names of the hub, the job's consumer group, input, output and query.
const (
	eventHubName    = "events"
	asaConsumer     = "asa"
	asaInput        = "events"
	asaOutput       = "lake"
	asaQuery        = "main"
	asaDefaultQuery = "SELECT * INTO [" + asaOutput + "] FROM [" + asaInput + "]"
)

// buildStreaming creates an Event Hubs namespace (Standard, SAS off, TLS
// 1.2, public network access disabled, private endpoint) with an event hub
// and a consumer group for Stream Analytics, and a Stream Analytics job
// that lands the events in the lake's raw file system.
//
// A Stream Analytics job in the shared multi-tenant service cannot reach an
// Event Hubs namespace or a storage account whose public network access is
// disabled. Learn documents two private options: injecting the job into a
// virtual network (in preview, and absent from the 2020-03-01 API enclave
// renders) and running it on a dedicated Stream Analytics cluster that
// reaches its inputs and outputs through managed private endpoints (GA, in
// the API). enclave uses the cluster, at its minimum of 36 streaming units;
// its managed private endpoints reach the namespace and the lake's blob
// endpoint as pending connections that an owner approves once after the
// first deployment.
//
// The job authenticates with its managed identity, granted Azure Event
// Hubs Data Receiver on the hub and Storage Blob Data Contributor on the raw
// file system only. Its query passes events through unchanged until the
// team writes its own.
func buildStreaming(c *ctx) {
	sa := c.doc.Services.StreamAnalytics
	if !sa.On() {
		return
	}
	group := c.rg(RGData)
	ns := c.add(&model.EventHubNamespace{
		Meta:                model.Meta{Name: c.names.Global("evhns", "", true, 50), Group: group, Origin: c.doc.Pos("services.streamAnalytics")},
		SKU:                 model.EventHubStandard,
		ThroughputUnits:     eventBaseTU,
		AutoInflate:         true,
		MaxThroughputUnits:  eventMaxTU,
		LocalAuthDisabled:   true,
		MinimumTLS:          "1.2",
		PublicNetworkAccess: model.PublicDisabled,
		ZoneRedundant:       true,
	})
	hub := c.add(&model.EventHub{
		Meta:           model.Meta{Name: ns.Name + "/" + eventHubName, Group: group},
		Partitions:     eventPartitions,
		RetentionHours: eventRetentionHours,
	})
	consumer := c.add(&model.EventHubConsumerGroup{
		Meta:    model.Meta{Name: hub.Name + "/" + asaConsumer, Group: group},
		Purpose: "Stream Analytics job",
	})
	c.privateEndpoint(ns, "namespace")
	c.diagnostics(ns, allLogs, true)

	cluster := c.add(&model.StreamAnalyticsCluster{
		Meta:           model.Meta{Name: c.names.Name("asa", "cluster"), Group: group},
		StreamingUnits: clusterStreamingUnits,
	})
	c.asaManagedEndpoint(cluster, "evhns", ns, "namespace")
	c.asaManagedEndpoint(cluster, "lake-blob", c.adls, "blob")

	units := sa.StreamingUnits
	if units == 0 {
		units = defaultStreamingUnits
	}
	job := c.add(&model.StreamAnalyticsJob{
		Meta:               model.Meta{Name: c.names.Name("asa"), Group: group, Origin: c.doc.Pos("services.streamAnalytics")},
		Identity:           model.Identity{SystemAssigned: true},
		Cluster:            cluster,
		CompatibilityLevel: "1.2",
		LateArrivalSeconds: 5,
		OutOfOrderAdjust:   true,
		StopOnOutputError:  true,
	})
	raw := c.lakeContainer(lakeRaw)
	c.add(&model.StreamAnalyticsInput{Meta: model.Meta{Name: job.Name + "/" + asaInput, Group: group}, EventHub: hub, ConsumerGroup: consumer})
	c.add(&model.StreamAnalyticsOutput{Meta: model.Meta{Name: job.Name + "/" + asaOutput, Group: group}, Container: raw, PathPattern: "events/{date}/{time}"})
	c.add(&model.StreamAnalyticsQuery{Meta: model.Meta{Name: job.Name + "/" + asaQuery, Group: group}, Query: asaDefaultQuery, StreamingUnits: units})
	c.diagnostics(job, allLogs, true)
	c.grant(hub, "Azure Event Hubs Data Receiver", systemIdentity(job))
	c.grant(raw, "Storage Blob Data Contributor", systemIdentity(job))
}

// asaManagedEndpoint creates a managed private endpoint named
// "mpe-<purpose>" on a Stream Analytics cluster.
func (c *ctx) asaManagedEndpoint(cluster model.Ref, purpose string, target model.Ref, groupID string) model.Ref {
	return c.add(&model.StreamAnalyticsEndpoint{
		Meta:    model.Meta{Name: cluster.Name + "/mpe-" + purpose, Group: cluster.Group},
		Target:  target,
		GroupID: groupID,
	})
}
