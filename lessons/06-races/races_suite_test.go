package races_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestRaces(t *testing.T) { spec.Run(t, "06 races") }
func TestMain(m *testing.M)  { spec.Main(m) }
