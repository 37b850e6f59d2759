import type { PrincipleGroup } from "./types";

/** Annex A: the framework's guiding principles, in four groups. */
export const PRINCIPLE_GROUPS: readonly PrincipleGroup[] = [
  {
    id: "A.1",
    title: "The visionary city",
    summary: "A city that knows where it is going and is led there by people at every level.",
    statements: [
      {
        id: "A.1.1",
        text: "A city needs a picture of its future that is easy to grasp, inspires people and is owned together by all its main partners.",
        points: [
          {
            letter: "a",
            text: "The city knows what it wants to achieve for its society, economy and environment, and what makes those aims hard to reach.",
          },
          {
            letter: "b",
            text: "Partners share a view of how the city's buildings, places, digital assets and people will be invested in and changed to reach those aims, and of what life will be like once they are.",
          },
          {
            letter: "c",
            text: "Everyone with a stake takes part in shaping the vision and in carrying it out.",
          },
        ],
      },
      {
        id: "A.1.2",
        text: "Carrying out the vision takes leadership at every level, not only at the top.",
        points: [
          { letter: "a", text: "The city authority leads firmly and stays committed." },
          {
            letter: "b",
            text: "The leadership team is drawn widely, using what each partner and community does best.",
          },
        ],
      },
    ],
  },
  {
    id: "A.2",
    title: "The citizen-centric city",
    summary: "A city that starts from what its residents and businesses need, and changes with them.",
    statements: [
      {
        id: "A.2.1",
        text: "The city should understand in detail what its residents and businesses need, group by group.",
        points: [
          {
            letter: "a",
            text: "Partners across the city share one view of the main groups of service users, built on evidence rather than guesswork.",
          },
          {
            letter: "b",
            text: "The city sees each contact that residents and businesses have with its systems, as it happens.",
          },
        ],
      },
      {
        id: "A.2.2",
        text: "Places and services should be shaped around what residents need.",
        points: [
          {
            letter: "a",
            text: "Before money goes on technology or infrastructure, the city understands what residents need and which cultural, organisational and business changes meeting those needs will take.",
          },
          {
            letter: "b",
            text: "Residents and businesses reach every public service in the city through a single front door, open at any time, from anywhere, on any channel and device, and organised around users rather than around the city's departments.",
          },
          {
            letter: "c",
            text: 'Each group of service users has a champion at city level: a small team placed inside the existing organisations that pushes for change on that group\'s behalf (a "customer franchise").',
          },
        ],
      },
      {
        id: "A.2.3",
        text: "Change should be made together with residents and businesses, and by them, rather than imposed on them.",
        points: [
          {
            letter: "a",
            text: "Every stakeholder has a direct hand in designing and running city services.",
          },
          {
            letter: "b",
            text: "Residents and businesses are given the means to create value for the public on their own account.",
          },
        ],
      },
    ],
  },
  {
    id: "A.3",
    title: "The digital city",
    summary:
      "A city that joins up its people, places and things digitally, and makes sure nobody is left out.",
    statements: [
      {
        id: "A.3.1",
        text: "The whole city should become digital, everywhere and in a joined-up way.",
        points: [
          {
            letter: "a",
            text: "Digital links connect and join up the city's people, places and things.",
          },
          { letter: "b", text: "Every city service is digital first." },
          {
            letter: "c",
            text: "The city's data is analysed to fit supply more closely to demand, to make services better and the city more sustainable, and to foresee and head off problems.",
          },
        ],
      },
      {
        id: "A.3.2",
        text: "Becoming digital should include everyone in the city.",
        points: [
          { letter: "a", text: "No group of stakeholders is left behind." },
          {
            letter: "b",
            text: "The gains expected once everyone uses digital services pay for bringing people online today.",
          },
        ],
      },
    ],
  },
  {
    id: "A.4",
    title: "The open and collaborative city",
    summary:
      "A city that opens its data and shares its assets, works across boundaries and changes step by step.",
    statements: [
      {
        id: "A.4.1",
        text: "The city should make room, and create occasions, for people and organisations to work together in new ways.",
        points: [
          {
            letter: "a",
            text: "There are physical and online places where the city's innovators meet across the lines between sectors and organisations.",
          },
          {
            letter: "b",
            text: "Places and services are designed so that people can meet, interact and do business, both on purpose and by chance.",
          },
          { letter: "c", text: "New kinds of partnership, new networks and new business models can emerge." },
        ],
      },
      {
        id: "A.4.2",
        text: "Making the city's data open should spark new ideas and value that did not exist before.",
        points: [
          {
            letter: "a",
            text: "Personal data is kept safe and stays owned and controlled by the person it is about.",
          },
          {
            letter: "b",
            text: "Public data that cannot identify anyone is open for others to reuse and build on.",
          },
          { letter: "c", text: "Every city procurement builds open data in from the start." },
          {
            letter: "d",
            text: "Private and voluntary partners undertake to open their data wherever doing so would not expose commercial secrets or personal information.",
          },
          {
            letter: "e",
            text: "Shared standards and descriptions of data, good tools, incentives and viable business models help a lively market grow in which every stakeholder can use city data.",
          },
        ],
      },
      {
        id: "A.4.3",
        text: "City systems should be built to bend and adapt as needs change.",
        points: [
          {
            letter: "a",
            text: "The city prefers quick, steady improvement to trying to get everything right at the first attempt.",
          },
          { letter: "b", text: "Change comes in stages rather than all at once." },
        ],
      },
      {
        id: "A.4.4",
        text: "The city's assets and services should be shared and reused.",
        points: [
          {
            letter: "a",
            text: "Data sets about residents and businesses, applications and their interfaces, ways of delivering services and the core ICT infrastructure that many need are shared across the city.",
          },
          {
            letter: "b",
            text: "Service-oriented architecture (SOA) principles link technology with services and cut duplicated infrastructure.",
          },
          { letter: "c", text: "Open standards let the city's systems work together." },
        ],
      },
    ],
  },
];
