package process_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/10-process"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestProcess(t *testing.T) { spec.Run(t, "10 process") }
func TestMain(m *testing.M)    { spec.Main(m, process.RunChild) }
