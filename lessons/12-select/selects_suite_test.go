package selects_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestSelects(t *testing.T) { spec.Run(t, "12 select") }
func TestMain(m *testing.M)    { spec.Main(m) }
