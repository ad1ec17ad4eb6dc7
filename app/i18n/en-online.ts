import type { nbOnline } from "./nb-online";

/** English for nb-online.ts. */
export const enOnline: Record<keyof typeof nbOnline, string> = {
  "index.attendance.both": "In the hall or online",
  "index.attendance.online": "Online",
  "meeting.attendance": "How to take part",
  "meeting.attendance.both": "In the hall or online, through a stream",
  "meeting.attendance.online": "Online, through a stream",
  "meeting.streamedFrom": "Streamed from",
  "meeting.seatsLeftHall": "{left} of {capacity} places in the hall are available.",
  "meeting.hallFull":
    "The hall is full. You can follow the meeting online instead, or join the waiting list for the hall.",
  "meeting.online":
    "You can follow the meeting online. You get the link to the stream {minutes} minutes before the start.",
  "meeting.onlineLeft": "{left} of {capacity} online places are available.",
  "meeting.onlineFull": "The online places are full. You can join the waiting list.",
  "meeting.recording": "Watch the recording of the meeting",
  "attendance.question": "In the hall or online?",
  "attendance.hall": "In the hall",
  "attendance.hallWaitlist": "Waiting list for the hall",
  "attendance.online":
    "Online – you get the link to the stream {minutes} minutes before the start, and can send questions during the meeting",
  "attendance.onlineWaitlist": "Waiting list for the online places",
  "attendance.hallFullOffer": "The hall is full, but you can follow the meeting online.",
  "error.attendance.invalid": "Choose whether you come to the hall or follow the meeting online.",
  "error.attendance.noRoom":
    "There is no room for your whole party there right now. Nothing has changed.",
  "confirm.attendance": "Attending",
  "confirm.attendance.hall": "In the hall",
  "confirm.attendance.online": "Online",
  "ownData.f.attendance": "Attending",
  "online.heading": "Follow the meeting online",
  "online.watch": "Open the stream",
  "online.dialIn": "Dial in: {dialIn}",
  "online.later": "The link to the stream appears here {revealsAt}. You also get it by email.",
  "online.pending": "The link to the stream appears here before the meeting starts.",
  "online.ask": "Send questions during the meeting",
  "questions.onlineHeading": "Questions from those following online",
  "questions.onlineIntro":
    "Your question goes into the same queue as the questions from the hall, marked “online”. The organisers review it before it is shown.",
};
