package terraform

import "github.com/enclave-dev/enclave/internal/model"

// pendingKinds are the model kinds whose converters are being written on
// the tfsvc branch. TestEveryKindHasConverter accepts their absence and
// fails as soon as one of them gets a converter while still listed, so
// the list shrinks as converters land and is empty once every kind
// renders; tfsvc deletes each line with the converter that replaces it.
// Render never consults it: a graph holding one of these kinds is a
// *MissingError.
var pendingKinds = []model.Type{}
