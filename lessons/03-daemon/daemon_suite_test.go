package daemon_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestDaemon(t *testing.T) { spec.Run(t, "03 daemon") }
func TestMain(m *testing.M)   { spec.Main(m) }
