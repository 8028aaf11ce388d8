package forgeries_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestForgeries(t *testing.T) { spec.Run(t, "forgeries fixture") }
func TestMain(m *testing.M)      { spec.Main(m) }
