package sharedstate_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestSharedstate(t *testing.T) { spec.Run(t, "11 shared-state") }
func TestMain(m *testing.M)        { spec.Main(m) }
