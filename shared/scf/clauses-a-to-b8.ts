import type { Clause } from "./types";

/** Component A and the business management notes B1–B8. */
export const CLAUSES_A_TO_B8: readonly Clause[] = [
  {
    id: "A",
    component: "A",
    area: null,
    title: "Guiding principles",
    context:
      "A smart city strategy depends on many people and organisations changing how they work together over several years. Their separate decisions stay in step when they rest on principles everyone has stated openly.",
    need: "The strategy has to be built on principles, because a programme this broad cannot be steered by a detailed plan drawn up at the start.",
    explanation: [
      "A smart city programme reaches into almost every part of city life, aims for a step change rather than small gains, and depends on a long list of partners. It also has to balance borrowing what has worked elsewhere against growing ideas locally that people feel they own. Together, these make top-down change management, with every step planned in advance, unworkable.",
      "What works instead is an agreed vision and a light roadmap that leaves room for change to grow over time. Guiding principles come first: a lasting statement of shared values that every partner can test its own decisions against, that shapes the strategy, and that the main stakeholders understand, accept and own.",
      "Good principles cover at least four things: an inspiring vision that includes everyone; services designed around the people who use them; digital technology that reaches every part of the city and joins its systems up without leaving anyone out; and a habit of openness and sharing.",
      "Cities need not start from a blank page. The framework's own set of principles (Annex A) distils published work and the experience of UK practitioners, and makes a sound first draft. The pitfall is to copy another city's principles wholesale: they only steer decisions once local partners have worked through them and adopted them as their own.",
    ],
    recommendations: [
      {
        id: "Aa",
        letter: "a",
        text: "Work with the city's stakeholders to draw up and agree guiding principles for the smart city strategy that address, at the least, these four needs:",
        items: [
          { number: 1, text: "a clear, inspiring vision for the city that includes everyone" },
          { number: 2, text: "services designed and delivered around citizens, in every respect" },
          {
            number: 3,
            text: "digitisation of the city's places and systems that reaches everywhere, joins things up and leaves no one out",
          },
          { number: 4, text: "openness and sharing built into the way the city works" },
        ],
      },
      {
        id: "Ab",
        letter: "b",
        text: "Take the framework's recommended principles in Annex A as the main input and first draft for that work.",
      },
    ],
    linkages: [
      {
        clause: "B3",
        why: "The city's leaders and governance bodies develop and agree the principles, then act as their guardians.",
      },
      { clause: "B1", why: "The principles should be settled early, while the city vision is being shaped." },
      {
        clause: "B8",
        why: "The principles need to be in place early in drawing up the roadmap they will steer.",
      },
    ],
  },
  {
    id: "B1",
    component: "B",
    area: "business",
    title: "City vision",
    context:
      "The first of the guiding principles is a clear and compelling vision of the city's future that its people and partners share.",
    need: "Success depends on an agreed picture of what a smarter future would look and feel like for this particular city.",
    explanation: [
      "No single vision suits every city: each builds on its own place and culture. Still, cities face many of the same pressures: growing and ageing populations, the need for jobs, skills and prosperity, health inequalities, stretched infrastructure, tight public budgets, changing demand for services, climate change, and scarce resources and energy. A study of 29 UK cities' plans found their visions centred above all on a better quality of life, followed by economic opportunity, stronger and more integrated communities, and a smaller environmental footprint.",
      "A good vision also says how the city should feel different once it is smarter: for example more connected, open, joined-up, inclusive and liveable, making decisions on evidence and ready to adapt to whatever comes next.",
      "It is built in several rounds, with every group of stakeholders, and grounded in research into what residents and businesses actually need. It takes in what new technology, better use of data and new ways of working together make possible.",
      "The common mistake is a separate 'smart' or 'digital' vision sitting beside the city's real plans. Technology, data and collaboration belong inside the city's economic, social, political and environmental goals, as ways of reaching them rather than as goals of their own.",
    ],
    recommendations: [
      {
        id: "B1a",
        letter: "a",
        text: "Develop the vision in several rounds, together with every group of city stakeholders, and base it on research with the people who will use the city's services.",
      },
      {
        id: "B1b",
        letter: "b",
        text: "Make the most of what smart technology, data and new forms of collaboration can offer the city.",
      },
      {
        id: "B1c",
        letter: "c",
        text: "Build those opportunities into the city's core social, economic, political and environmental goals instead of treating them as a separate agenda.",
      },
    ],
    linkages: [
      { clause: "A", why: "The vision should grow out of the city's guiding principles." },
      { clause: "B4", why: "The vision is shaped through close and sustained work with stakeholders." },
    ],
  },
  {
    id: "B2",
    component: "B",
    area: "business",
    title: "Transforming the city's operating model",
    context:
      "A vision true to the guiding principles (citizen-centred, digital, open and collaborative) describes a city that works quite differently from today. Whatever its goals, delivering it means changing how the city's organisations work together.",
    need: "Cities have been run as separate service silos organised around functions rather than users; a smart city needs an operating model that drives innovation and joint working across those silos.",
    explanation: [
      "In the traditional model, budgets, accountability, decisions and delivery all sit inside separate departments and agencies, each organised around its own function. Residents and businesses have to deal with each one in turn and join the pieces up themselves, and the data each body holds stays locked inside it, which limits collaboration and slows change across the city.",
      "The shift smart cities are making has four parts: live, open and interoperable data on how the city's physical, spatial and digital assets perform and are used; that data treated as a valuable asset and managed jointly with the city's other large data holders; data and services opened up so that businesses and the voluntary sector can innovate with them, through open data platforms and a working market in reusing data; and public services redesigned around users, reachable in one place through several channels, backed by an architecture that gives a view of whole customer groups such as commuters or older people.",
      "None of this holds without city-wide governance and stakeholder management to steer the changes and judge whether they are working.",
      "The recommendation is that the city vision itself commits to this change. A vision that promises new services but leaves the silo structure as it is will struggle to deliver them. Cities get there in different ways, and the other guidance notes gather the practices that help.",
    ],
    recommendations: [
      {
        id: "B2",
        letter: null,
        text: "Make sure the city vision commits to building one joined-up operating model for the city, organised around what residents and businesses need rather than around the city's internal structure.",
      },
    ],
    linkages: [
      {
        clause: "B3",
        why: "Leadership and governance that reach across organisations are a core part of a joined-up operating model.",
      },
      {
        clause: "B9",
        why: "Opening city data and services so that others can innovate is one side of the new model.",
      },
      {
        clause: "B10",
        why: "Redesigning the city's own services around users is the other side of the new model.",
      },
      {
        clause: "B13",
        why: "Mapping and reusing the city's information and ICT resources lets data be managed as a shared asset.",
      },
      {
        clause: "B14",
        why: "An open, service-oriented IT architecture gives the joined-up model its technical footing.",
      },
    ],
  },
  {
    id: "B3",
    component: "B",
    area: "business",
    title: "Leadership and governance",
    context:
      "Shaping a shared vision takes strong leadership, and delivering it means keeping that leadership going for many years within governance that works.",
    need: "A smart city programme cannot be run as a traditional top-down project; leadership has to be spread across the city's stakeholders and supported to act.",
    explanation: [
      "No one structure suits every city; where the leadership sits depends on local circumstances. But experience around the world points to a set of things every programme has to get right in its own way.",
      "Inside the city authority, named political and senior officer roles should own the programme, held by people with enough authority to move budgets and priorities. Beyond the authority, leadership should be shared with senior people from other sectors and organisations, so the programme is not seen as the council's own top-down project. Not everyone needs to be on board at the start: support is meant to grow as delivery goes on.",
      "Governance works at two levels: a strategic level that sets the outcomes and makes sure benefits are realised, and a delivery level that drives the roadmap. The many projects run by different partners should be managed as one portfolio, with a business case and clear measures of success, priorities set and revised from performance and feedback judged against the guiding principles, and one shared way of handling strategic risks and issues.",
      "The leadership team needs a mix of skills, including strategy, engagement, marketing, commercial and technology management; a competency framework such as SFIA can help find the gaps. Partner organisations will come and go, merge or fade over the life of the programme, so the continuity of shared assets and services has to be planned for.",
      "Finally, governance should be open: publish the vision and strategy, say who leads the programme and how to reach them, and report progress against the roadmap regularly. Openness builds trust, sharpens accountability and invites others to take part.",
    ],
    recommendations: [
      {
        id: "B3a",
        letter: "a",
        text: "Give the programme a clear point of accountability inside the city authority, at both political and officer level.",
      },
      {
        id: "B3b",
        letter: "b",
        text: "Build a leadership team that draws on organisations and sectors across the whole city.",
      },
      {
        id: "B3c",
        letter: "c",
        text: "Bring the city's leaders from different sectors together in governance that works at both the strategic and the delivery level.",
      },
      {
        id: "B3d",
        letter: "d",
        text: "Run the programme with formal programme management, setting and revising priorities according to performance and feedback.",
      },
      { id: "B3e", letter: "e", text: "Make sure the leadership team has the right mix of skills." },
      {
        id: "B3f",
        letter: "f",
        text: "Be ready to manage the way partner organisations change, merge or leave over time.",
      },
      { id: "B3g", letter: "g", text: "Keep the governance process open and transparent." },
    ],
    linkages: [
      { clause: "A", why: "Leaders set out the guiding principles and act as their guardians." },
      { clause: "B1", why: "Leaders keep the programme aimed at a clear, agreed city vision." },
      { clause: "B4", why: "Leaders champion the smart city approach as part of working with stakeholders." },
      { clause: "B8", why: "Leaders draw up the roadmap and oversee its delivery." },
      {
        clause: "C",
        why: "Leaders make sure everything on the roadmap can be traced to the outcomes tracked through benefit realisation.",
      },
    ],
  },
  {
    id: "B4",
    component: "B",
    area: "business",
    title: "Stakeholder collaboration",
    context:
      "Lasting change needs enough people and organisations, inside and outside the city administration, to be involved and supportive; the city vision cannot be delivered without real collaboration.",
    need: "The city authority cannot deliver the programme on its own: its breadth and long timescale need time, money and backing from a critical mass of stakeholders inside and outside the authority.",
    explanation: [
      "A stakeholder is anyone the programme affects. That makes for a large, varied and shifting group, with different aims, requirements and degrees of commitment.",
      "It helps to think in types: those who promote the programme (or campaign against it), those who invest in it, those who deliver it, those who use or are affected by what it delivers, and those outside it who still feel its effects, such as government, other public bodies and the media. Many stakeholders fit several types, and their needs change as the programme moves on.",
      "Engagement therefore has to be run as a formal programme with real priority and resources, led by a senior executive, and built into the roles of everyone delivering the smart city work, not left to one team. It covers three things: making sure every stakeholder understands the programme, how to take part and what they gain; partnerships that deliver for the public, private and voluntary sectors alike; and learning from and sharing experience with other cities.",
      "Engagement is also how stakeholders' needs and hopes find their way into the programme. It runs as a workstream of the roadmap with measurable results, and matters most for the vision, governance, procurement, both kinds of service transformation, and identity and privacy. BS 8900 offers further useful guidance on engaging stakeholders.",
    ],
    recommendations: [
      {
        id: "B4a",
        letter: "a",
        text: "Through a formal, well-resourced engagement programme led by a senior executive, make sure every stakeholder (users, suppliers, delivery partners, politicians, the media and others) understands the programme, how to get involved and what it will do for them.",
      },
      {
        id: "B4b",
        letter: "b",
        text: "Work in partnership with the private, public and voluntary sectors so that the programme is delivered to the benefit of all of them.",
      },
      {
        id: "B4c",
        letter: "c",
        text: "Work with other cities to learn from what they have done and to share what this city has learnt.",
      },
    ],
    linkages: [
      { clause: "B8", why: "Stakeholder engagement should run as a formal workstream of the roadmap." },
      {
        clause: "C",
        why: "The benefit realisation framework should hold measurable targets for engagement.",
      },
      { clause: "B1", why: "Shaping the vision needs intensive input from many stakeholders." },
      {
        clause: "B3",
        why: "Shared leadership and governance depend on stakeholders being closely involved.",
      },
      { clause: "B5", why: "Procurement needs close engagement with suppliers and other partners." },
      {
        clause: "B9",
        why: "Stakeholder-led service change depends on close work with those who will innovate with city data and services.",
      },
      {
        clause: "B10",
        why: "City-led service change needs close work with service users and delivery partners.",
      },
      {
        clause: "B12",
        why: "Identity and privacy management needs intensive engagement with the people whose data is at stake.",
      },
    ],
  },
  {
    id: "B5",
    component: "B",
    area: "business",
    title: "Procurement and supplier management",
    context:
      "Cities rely more and more on suppliers as councils move from delivering services to commissioning them, yet old supplier relationships and buying rules often stand in the way of smart city plans.",
    need: "Cities need ways of buying and managing suppliers that help, rather than hinder, more joined-up services built around citizens.",
    explanation: [
      "Traditional public buying can hold smart cities back. Buyers and suppliers alike report that it stifles innovation and makes it hard for cities and industry to test ideas together in real settings and to share intellectual property for mutual gain.",
      "The smarter approach, already emerging, commissions across the council and its partners, with budgets aligned so that shared platforms can be paid for. The city specifies the results and standard of service it expects rather than the technology, and works out requirements with users and suppliers. It publishes a pipeline of future needs, sometimes jointly with other cities, so suppliers can offer solutions that meet several needs at once. It judges bids on long-term value (whole-life cost including the cost of leaving, the supplier's capacity to innovate and confidence in the benefits) rather than price alone.",
      "It also favours buying IT as a service, shorter and more flexible contracts, reusable standard components over bespoke systems, open standards written into every purchase, contracts that keep city data open, and rewards for suppliers who collaborate and share the gains. Alongside a few platform partners, it buys from many small firms, and its leaders spend their effort growing an ecosystem rather than managing a handful of large vendors.",
      "A common belief is that procurement law blocks all this. Usually it does not: public procurement law already expects authorities to specify outcomes rather than technologies. The real obstacles are habits and culture, and those can be changed at city level.",
    ],
    recommendations: [
      {
        id: "B5a",
        letter: "a",
        text: "Look at the city's buying needs as a whole, with governance that gives a city-wide view of the major purchases made by the council and other large public bodies in the city.",
      },
      {
        id: "B5b",
        letter: "b",
        text: "Check procurement policies against the principles of smart city contracting:",
        items: [
          {
            number: 1,
            text: "buy outcomes: say what the supplier must achieve, not how, which usually means buying services rather than assets",
          },
          {
            number: 2,
            text: "write open data into every contract: either the city owns the data, or the supplier must make it available through open standards on fair, reasonable and non-discriminatory terms",
          },
          {
            number: 3,
            text: "reward innovation and collaboration: contracts should encourage suppliers to join forces with others on new sources of value and to share common city assets",
          },
          {
            number: 4,
            text: "prevent lock-in: include interoperability requirements in every ICT purchase and count the cost of leaving from the start",
          },
        ],
      },
      {
        id: "B5c",
        letter: "c",
        text: "Help an innovation ecosystem grow around the city and its suppliers, for example by:",
        items: [
          {
            number: 1,
            text: "publishing, and keeping up to date, a pipeline of the city's major procurement opportunities",
          },
          {
            number: 2,
            text: "talking to possible suppliers, including local and other small firms, early and repeatedly, to draw in new ideas and build the market",
          },
          {
            number: 3,
            text: "encouraging innovation led by small firms, through competitions and by requiring large suppliers to involve them",
          },
        ],
      },
    ],
    linkages: [
      {
        clause: "B4",
        why: "Growing an innovation ecosystem of suppliers should be a main theme of stakeholder work.",
      },
      {
        clause: "B14",
        why: "Contracting principles should line up with the open, service-oriented IT architecture the city is moving to.",
      },
    ],
  },
  {
    id: "B6",
    component: "B",
    area: "business",
    title: "Mapping the city's interoperability needs",
    context:
      "The guiding principles call for city assets and services to be shared and reused, which depends on systems working together through open standards.",
    need: "Cities need to find and map what stops their systems working together, and to treat interoperability as more than a technical matter.",
    explanation: [
      "Much work has already gone into technical and data interoperability; in the UK it is gathered in the government's Open Standards Principles and the Standards Hub. But systems that are technically compatible can still fail to work together because of organisational, legal or policy barriers.",
      "The European Interoperability Framework names five kinds of interoperability: technical, semantic, organisational, legal and policy. Setting these against the framework's three areas of city-wide work (business, service, and technology and data assets) gives a grid, the smart city interoperability matrix. Each cell is a place where the city should expect barriers and will probably need to act.",
      "The answer to a barrier is usually a policy product: a written policy, standard, guideline or framework. The framework's illustrative matrix suggests typical policy products for each cell and points to the guidance notes that help produce them.",
      "Good practice is to use the matrix to find the barriers, to build on international, European or national standards rather than inventing local ones, and so to make it easier to work with other cities and other tiers of government. The pitfall is to stop at technical standards and leave the organisational, legal and policy barriers untouched.",
    ],
    recommendations: [
      {
        id: "B6a",
        letter: "a",
        text: "Use the smart city interoperability matrix to find the main obstacles to systems and organisations working together in the city.",
      },
      {
        id: "B6b",
        letter: "b",
        text: "Set policies and actions to remove those obstacles, building on international, European or national standards wherever possible.",
      },
      {
        id: "B6c",
        letter: "c",
        text: "Use the matrix to align the city's approach with other cities and with local and national government, so that linking up with them is easier.",
      },
    ],
    linkages: [
      {
        clause: "B14",
        why: "Technical and semantic interoperability are covered in more depth under the open, service-oriented IT architecture.",
      },
      { clause: "B8", why: "The policies and actions that come out of the mapping belong in the roadmap." },
    ],
  },
  {
    id: "B7",
    component: "B",
    area: "business",
    title: "Common terminology and reference model",
    context:
      "A change programme this broad and complex needs everyone involved to share an understanding of its key ideas, how they relate to one another, and the words used for them.",
    need: "When stakeholders use the same words to mean different things, leadership and communication break down, leading to confusion, misunderstanding and, in the end, lost engagement.",
    explanation: [
      "A smart city programme brings together councillors, officers, businesses, suppliers, universities and community groups, each with its own vocabulary. Ordinary words can carry quite different meanings from one organisation to the next.",
      "Agreeing definitions is only a start. Meaning comes as much from how concepts relate to one another, and a shared model of those relationships (of the city's activities, stakeholders and assets) makes it more likely that the digital systems partners build reflect how the work really happens.",
      "Good looks like every partner using the same terms, without ambiguity and consistently across all the programme's work, and a reference model that can be written down formally and used in the city's new and existing information architectures.",
      "The vocabulary and model should be agreed among stakeholders and kept up to date, not imposed once and then left. PAS 180 gives detailed smart city terminology and reference models to build on.",
    ],
    recommendations: [
      {
        id: "B7a",
        letter: "a",
        text: "Give everyone involved the same clear grasp of the main smart city concepts and the links between them, and of how they can be captured in a formal model and put to use in the city's information architectures, old and new.",
      },
      {
        id: "B7b",
        letter: "b",
        text: "Get stakeholders to agree one shared vocabulary and reference model, and keep it up to date together.",
      },
    ],
    linkages: [],
  },
  {
    id: "B8",
    component: "B",
    area: "business",
    title: "Smart city roadmap",
    context: "Delivering the city vision and the new operating model needs an effective roadmap behind it.",
    need: "Cities need a roadmap they can actually deliver: not a rigid master plan that is likely to break, but a practical route to visible results in achievable steps.",
    explanation: [
      "Cities start from different places and want different outcomes, so no single roadmap fits all. A good one is phased and incremental: rather than planning every detail up front, it sets a frame within which change can grow over time, with the market playing its part.",
      "A typical roadmap has five phases. Plan: prepare the principles, the vision, the business case and benefits plan, and a multi-year roadmap, with the key stakeholders on board. Initiate: build momentum at the least risk, through quick wins that need little or no spending on technology, and by embedding the roadmap in governance. Deliver: bring larger investments on stream, such as an open data platform, one-stop service platforms and the first services from early adopters. Consolidate: drive take-up and learn from data and user feedback. Transform: once take-up reaches critical mass, widen the range of projects and complete the move to a strategic IT platform.",
      "The multi-year plan covers governance, stakeholder engagement, a procurement strategy, an inventory of IT and digital assets with a route to an open architecture, actions from the interoperability mapping, and managing risk against the critical success factors.",
      "Early on, favour changes agreed with stakeholders that are quick, cheap and low in risk, to show progress and build confidence. Learn from users' early experience, improve services and then push for wider take-up. Work with early adopters in the council and partner bodies to create examples and champions who carry the change further.",
      "The main pitfall is the all-embracing master plan, which tends to be brittle. Build in checkpoints for regular, independent review against the critical success factors instead.",
    ],
    recommendations: [
      { id: "B8a", letter: "a", text: "Set up a smart city roadmap that moves forward in phases." },
      {
        id: "B8b",
        letter: "b",
        text: "Agree with stakeholders a first set of services and deliverables that can give the city early, visible wins.",
      },
      {
        id: "B8c",
        letter: "c",
        text: "Put first the changes that can be made fast, cheaply and with little risk.",
      },
      {
        id: "B8d",
        letter: "d",
        text: "Put in place ways to learn from users' early experience, improve services as a result, and then grow take-up.",
      },
      {
        id: "B8e",
        letter: "e",
        text: "Work with early adopters in the city authority and partner organisations to build showcase examples and internal champions, learning from experience and driving longer-term change.",
      },
    ],
    linkages: [
      {
        clause: "D",
        why: "The roadmap should include checkpoints for regular, independent review of progress against the critical success factors.",
      },
    ],
  },
];
