package tomodel

import (
	"strings"

	"github.com/enclave-dev/enclave/internal/importarm"
	"github.com/enclave-dev/enclave/internal/model"
)

// Stream Analytics clusters, their managed private endpoints, jobs and the
// jobs' inputs, outputs and queries, the reverse of
// internal/render/arm/streaming.go. Inputs and outputs the model cannot
// hold (another source or sink, key-based authentication, a format other
// than JSON) stay opaque.
// https://learn.microsoft.com/en-us/azure/templates/microsoft.streamanalytics/streamingjobs
func streamingKinds(g *Registry) {
	g.Add(model.TypeStreamAnalyticsCluster, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		return &model.StreamAnalyticsCluster{Meta: x.Meta(), StreamingUnits: x.Int(x.Value(r.SKU, "sku").Get("capacity"))}, nil
	})
	g.Add(model.TypeStreamAnalyticsEndpoint, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		conns := x.Items(x.Props().Get("manualPrivateLinkServiceConnections"))
		if len(conns) != 1 {
			return opaque(x, r)
		}
		c := conns[0].Get("properties")
		e := &model.StreamAnalyticsEndpoint{Meta: x.Meta(), Target: x.Ref(c.Get("privateLinkServiceId"))}
		if ids := x.Strs(c.Get("groupIds")); len(ids) > 0 {
			e.GroupID = ids[0]
		}
		return e, nil
	})
	g.Add(model.TypeStreamAnalyticsJob, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.StreamAnalyticsJob{
			Meta:               x.Meta(),
			Identity:           managedIdentity(x),
			Cluster:            x.SubRef(p.Get("cluster")),
			CompatibilityLevel: x.Str(p.Get("compatibilityLevel")),
			LateArrivalSeconds: x.Int(p.Get("eventsLateArrivalMaxDelayInSeconds")),
			OutOfOrderSeconds:  x.Int(p.Get("eventsOutOfOrderMaxDelayInSeconds")),
			OutOfOrderAdjust:   strings.EqualFold(x.Str(p.Get("eventsOutOfOrderPolicy")), "Adjust"),
			StopOnOutputError:  strings.EqualFold(x.Str(p.Get("outputErrorPolicy")), "Stop"),
		}, nil
	})
	g.Add(model.TypeStreamAnalyticsInput, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		ds := p.Get("datasource")
		dp := ds.Get("properties")
		if !strings.EqualFold(x.Str(p.Get("type")), "Stream") || !strings.EqualFold(x.Str(ds.Get("type")), "Microsoft.ServiceBus/EventHub") ||
			!strings.EqualFold(x.Str(dp.Get("authenticationMode")), "Msi") || !strings.EqualFold(x.Str(p.At("serialization", "type")), "Json") {
			return opaque(x, r)
		}
		ns := x.namedResource(model.TypeEventHubNamespace, x.Str(dp.Get("serviceBusNamespace")))
		hub := ns.Child("eventhubs", x.Str(dp.Get("eventHubName")))
		in := &model.StreamAnalyticsInput{Meta: x.Meta(), EventHub: hub.Ref()}
		// Without a consumer group the input reads $Default.
		// https://learn.microsoft.com/en-us/azure/stream-analytics/stream-analytics-define-inputs#stream-data-from-event-hubs
		if cg := x.Str(dp.Get("consumerGroupName")); cg != "" {
			in.ConsumerGroup = hub.Child("consumergroups", cg).Ref()
		}
		return in, nil
	})
	g.Add(model.TypeStreamAnalyticsOutput, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		ds := p.Get("datasource")
		dp := ds.Get("properties")
		accounts := x.Items(dp.Get("storageAccounts"))
		if !strings.EqualFold(x.Str(ds.Get("type")), "Microsoft.Storage/Blob") || !strings.EqualFold(x.Str(dp.Get("authenticationMode")), "Msi") ||
			len(accounts) != 1 || !strings.EqualFold(x.Str(p.At("serialization", "type")), "Json") ||
			!strings.EqualFold(x.Str(p.At("serialization", "properties", "format")), "LineSeparated") {
			return opaque(x, r)
		}
		account := x.namedResource(model.TypeStorageAccount, x.Str(accounts[0].Get("accountName")))
		container := account.Child("blobServices", "default").Child("containers", x.Str(dp.Get("container")))
		return &model.StreamAnalyticsOutput{Meta: x.Meta(), Container: container.Ref(), PathPattern: x.Str(dp.Get("pathPattern"))}, nil
	})
	g.Add(model.TypeStreamAnalyticsQuery, func(x *Ctx, r importarm.Resource) (model.Resource, error) {
		p := x.Props()
		return &model.StreamAnalyticsQuery{Meta: x.Meta(), Query: x.Str(p.Get("query")), StreamingUnits: x.Int(p.Get("streamingUnits"))}, nil
	})
}

// namedResource returns the address of the resource of type typ the
// document declares under name (names that are unique within Azure, like
// storage accounts and Event Hubs namespaces, are how some properties
// refer to resources); one it does not declare is taken to share the
// group of the resource being converted.
func (x *Ctx) namedResource(typ model.Type, name string) model.Address {
	if a, ok := x.idx.declared(typ, name); ok {
		return a
	}
	return model.Address{Type: typ, Name: name, Group: x.r.ResourceGroup}
}
