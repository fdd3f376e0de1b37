// Pages wrap their one data call in a recording scope and hand the recording to the
// "Under the hood" panel, which therefore costs no DynamoDB request of its own.
export { withRecording, type RequestRecording } from './db/recorder'
