// Package deploy holds the Kubernetes manifests for running annexgen beyond
// one machine (see README.md here). It has no code: its tests read these
// manifests, the Dockerfile and the release configuration, and check that
// they agree.
package deploy
