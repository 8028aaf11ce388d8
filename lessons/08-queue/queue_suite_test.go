package queue_test

import (
	"testing"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func TestQueue(t *testing.T) { spec.Run(t, "08 queue") }
func TestMain(m *testing.M)  { spec.Main(m) }
