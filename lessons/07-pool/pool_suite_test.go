package pool_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestPool(t *testing.T) { spec.Run(t, "07 pool") }
func TestMain(m *testing.M) { spec.Main(m) }
