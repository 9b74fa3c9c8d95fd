"""The built-in mock LLM provider: OpenAI and Anthropic wire formats, streamed and not, with failure injection."""

from gateway.mock.recorder import MockRecorder, RecordedRequest
from gateway.mock.server import MOCK_FAULTS, MOCK_RECORDER, MOCK_SETTINGS, build_mock_app, run_mock, start_mock
from gateway.mock.settings import MockSettings

__all__ = ["MOCK_FAULTS", "MOCK_RECORDER", "MOCK_SETTINGS", "MockRecorder", "MockSettings", "RecordedRequest",
           "build_mock_app", "run_mock", "start_mock"]
