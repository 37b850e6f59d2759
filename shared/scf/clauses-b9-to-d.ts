import type { Clause } from "./types";

/** The service management notes B9–B12, technology notes B13–B14, and components C and D. */
export const CLAUSES_B9_TO_D: readonly Clause[] = [
  {
    id: "B9",
    component: "B",
    area: "service",
    title: "Stakeholder-led service transformation",
    context:
      "The guiding principles ask the city to open up its data so that residents, businesses and community groups can use it to innovate and create public value of their own.",
    need: "Residents and businesses should be treated as partners who shape and even run services, not as people services are done to. That can transform services, but only if the city clears some real obstacles first.",
    explanation: [
      "Services no longer have to come only from the council. Residents, community groups, start-ups and firms can design services together with the city, build new ones on city data, or help one another directly with little or no council involvement. Social media and the standard set by the best consumer apps mean this is happening whether the city plans for it or not; this note is about speeding it up on purpose.",
      "The usual starting point is an open data platform that puts city data in the hands of anyone who can make use of it. A platform on its own changes little, though. Cities that have tried it find the hard part is organisational, and it has to happen on both sides of the platform.",
      "On the supply side, the organisations that hold data (the council, other public bodies, companies and charities) must be willing and able to publish it. Habits of keeping data inside departments run deep, so this needs steady leadership over several years: a group of willing data owners, a shared case for what open data can do, common principles and standards such as the five-star scheme for open data, a prioritised list of data sets with a plan for bringing them up to standard, and early successes that are celebrated.",
      "On the demand side, the city has to help a market grow: clear rules on rights and responsibilities that put privacy first, treat public, private and voluntary users alike and meet the law and government open data policy; workable ways of supplying data free, at a charge for added services, or by subscription; tools that let developers explore and experiment with the data; and seed money or incubation for applications that tackle city problems.",
      "A common pitfall is launching a platform with no plan for paying to run and improve it. Settle the funding early, for example by public bodies sharing the cost of meeting their open data duties, by charging for subscriptions and premium services, or by investing against the savings and growth the platform is expected to bring.",
    ],
    recommendations: [
      {
        id: "B9",
        letter: null,
        text: "Open up city data through open platforms so that residents, businesses and other partners can create new value with it. Alongside the technology, change the culture of the organisations that hold data and build the market conditions a thriving trade in city information needs.",
      },
    ],
    linkages: [
      {
        clause: "B2",
        why: "Opening services up to outside innovation is a central part of the city's move to a new operating model.",
      },
      {
        clause: "B12",
        why: "Residents will only back open data and the services built on it if their personal information is visibly protected.",
      },
      {
        clause: "B5",
        why: "Specifying and buying services city-wide, with open data in the contracts, makes the data available for others to build on.",
      },
      {
        clause: "B13",
        why: "Knowing which data and systems the city holds, and which matter most, tells it what to open up first.",
      },
      {
        clause: "B14",
        why: "An open, service-based architecture is the technical base that lets outside innovators reach city data and services.",
      },
    ],
  },
  {
    id: "B10",
    component: "B",
    area: "service",
    title: "City-led service transformation",
    context:
      "The guiding principles ask that services be shaped around what people need, not around how the city's organisations happen to be arranged.",
    need: "Departments working in isolation cannot give people joined-up services; the city has to find ways of working across those boundaries with residents and businesses at the centre.",
    explanation: [
      "City services have grown up in separate departmental lines, each organised around its own function rather than around the people it serves. Opening data for others to innovate with (B9) is half of the answer. The other half is for the council and the other large service providers to use joined-up data to improve their own services: to run excellent, customer-centred services themselves, not only to hand data to others.",
      "Many cities already have a single website or one phone number, but behind them departments still keep partial, overlapping records about the same people, and no one owns that knowledge on behalf of the whole city or puts it to work improving services. Good looks like a city-wide view of each group of customers, and services that meet people at the time and place that suit them, whether at a single point of contact or through trusted businesses and charities.",
      "The framework does not ask anyone to restructure. Existing organisations keep supplying services, while small virtual teams each take charge of one customer group, such as parents, commuters, disabled people or families in difficulty. The teams are staffed from existing functions at no extra cost and, within a clear, quality-assured operating model, draw on customer research and shared data to learn what their group needs, offer trusted, joined-up information and transactions, and champion a customer-centred, well-branded approach to services across the city.",
      "Cities, regions and national governments in a number of countries have used this model cheaply and safely, and it gives new business models and public-private partnerships a safe place to grow. The pitfall to avoid is teams without teeth: set clear measures of performance and impact so that service leaders are held to account for working in a more user-centred way. The OASIS Transformational Government Framework has more detail and case studies.",
    ],
    recommendations: [
      {
        id: "B10a",
        letter: "a",
        text: "Let residents and businesses find the public services they need in one place, online, by phone or in person, with each service shaped by what its users need instead of by the city's department boundaries.",
      },
      {
        id: "B10b",
        letter: "b",
        text: "Back this with a business and information architecture shared across the city's organisations, so that the city sees each customer group whole rather than service by service.",
      },
      {
        id: "B10c",
        letter: "c",
        text: "Get there step by step, cheaply and with little risk, by setting up agile virtual teams that work across the city, each serving one customer group from within the city's existing delivery organisations.",
      },
    ],
    linkages: [
      {
        clause: "B2",
        why: "Joining up the city's own services around its customers is central to the new operating model.",
      },
      {
        clause: "B4",
        why: "Teams built around customer groups cut across organisations, so they depend on partners working closely together.",
      },
      {
        clause: "B11",
        why: "The channel strategy decides how joined-up services reach people, in person and online.",
      },
      {
        clause: "B12",
        why: "A city-wide view of the customer is only acceptable if personal data is handled in a way residents trust.",
      },
      {
        clause: "B13",
        why: "Mapping the city's data and systems shows which of them can support a single view of the customer.",
      },
      {
        clause: "B14",
        why: "A service-based, city-wide architecture is the technical means of joining up services from many organisations.",
      },
    ],
  },
  {
    id: "B11",
    component: "B",
    area: "service",
    title: "Digital inclusion and channel management",
    context:
      "The more residents and businesses use city services online, the more the city gains from opening its services up (B9) and joining them up (B10).",
    need: "Cities often manage the ways people reach their services poorly, with duplication, waste and too little attention to users; they need a strategy that starts from users and brings everyone online.",
    explanation: [
      "Channels are the ways people reach a service: counters, phone, post, websites, apps, and partners such as post offices, banks or charities. Digital channels cost less and can serve people better, but the city only gains when people actually use them.",
      "Cities tend to make the same mistakes: not knowing what stops people using digital services; bolting digital channels on with their own systems, apart from face-to-face and paper; having no single view of customer service across channels; running channels at costs and standards well short of good private sector practice; relying only on the council's own channels instead of working with trusted organisations that already reach people; duplicating IT and data behind each channel; letting channels compete with one another; and settling for small tweaks when real change is needed.",
      "Good looks like channels designed around how residents and businesses actually behave, with services on offer at the time and place people choose, at a single point of contact or through businesses and charities people already trust. Several channels remain, but with a deliberate plan to move people towards cheaper digital ones, and a digital inclusion plan for those who cannot or will not use them yet.",
      "Start with the facts: which channels exist today, what each costs and how well it performs. Then look for services that connected devices can make unnecessary, such as a streetlight that reports its own fault so nobody has to phone it in. Pay for helping excluded groups online now from the savings the city will make once nearly everyone uses digital services.",
    ],
    recommendations: [
      {
        id: "B11a",
        letter: "a",
        text: "Begin a digital inclusion and channel strategy with a clear count of how services reach people today: every channel in use, what it costs and how well it serves.",
      },
      {
        id: "B11b",
        letter: "b",
        text: "Set out, in the same strategy, a vision and a roadmap for a new way of managing channels that:",
        items: [
          {
            number: 1,
            text: "starts from what residents and businesses need and how they choose to use services;",
          },
          {
            number: 2,
            text: "finds services that can be removed altogether by letting city assets connect directly with people's digital devices;",
          },
          {
            number: 3,
            text: "helps groups who do not yet use digital services, whatever the reason, to start using them, paying for that now from the savings that near-universal digital use will bring later.",
          },
        ],
      },
    ],
    linkages: [
      {
        clause: "B10",
        why: "Good channel management is how joined-up, customer-centred city services reach the people they are for.",
      },
      {
        clause: "B9",
        why: "The more people are online, the more they can use and create services built on open city data.",
      },
      {
        clause: "B6",
        why: "Joining channels up raises technical and semantic interoperability questions that the interoperability matrix helps to find and settle.",
      },
      {
        clause: "B14",
        why: "Channels should share data and services through the city-wide architecture instead of each keeping its own systems.",
      },
      {
        clause: "B8",
        why: "The strategy's main actions belong in the roadmap so that they are planned, resourced and delivered.",
      },
    ],
  },
  {
    id: "B12",
    component: "B",
    area: "service",
    title: "Identity and privacy management",
    context:
      "The guiding principles require personal data to be held securely and to stay under the control of the person it is about.",
    need: "Opening up data and connecting it in real time brings large benefits, but only if residents keep trusting the city; keeping their personal data safe and private has to sit at the core of how services are run.",
    explanation: [
      "A person has many partial identities (parent, taxpayer, tenant, business owner), each with its own rights and sometimes its own address. Sometimes people want these kept apart to protect their privacy; at other times they are frustrated at giving the city the same details over and over.",
      "Cities have often handled this badly. Each service defines identity its own way; passwords, PINs and digital signatures meant to keep online services safe end up putting people off using them; and plans to link databases for city-wide savings meet with suspicion.",
      "The framework's answer rests on three pillars. First, a federated business model: many trusted organisations, such as the council, government departments, banks and employers, vouch for identity, with clear rules on when they trust one another. Second, a technical design that avoids large central databases, which are hard to protect, and instead uses internet gateway services that broker between the participants' own systems. Third, and most important, a trust model that puts people in charge of their own data and of their relationship with the city, with controls they can see.",
      "The UK Government Digital Service's identity and privacy principles of 2012 make a good basis for the trust model. In short: checks happen only with the person's consent and in ways they understand; people can choose among identifiers and identity providers; only the minimum data is used; people can correct, copy and move their records easily and free of charge; every participant is accredited; an independent arbiter settles problems; and any exception is approved by Parliament and independently scrutinised.",
    ],
    recommendations: [
      {
        id: "B12a",
        letter: "a",
        text: "Base identity and privacy management on an open, federated business model, in which many trusted organisations vouch for identity and trust one another under clear rules.",
      },
      {
        id: "B12b",
        letter: "b",
        text: "Support it with a service-oriented IT architecture that connects the participants' own systems rather than gathering personal data into one central database.",
      },
      {
        id: "B12c",
        letter: "c",
        text: "Build it on a trust model that puts residents in control of their own personal data; the Government Digital Service's identity and privacy principles are one basis for such a model.",
      },
    ],
    linkages: [
      {
        clause: "B10",
        why: "Joined-up services that know their customers depend on identity being handled in a way people trust.",
      },
      {
        clause: "B9",
        why: "Residents will only support opening up city data if their personal data stays protected and in their hands.",
      },
      {
        clause: "B14",
        why: "The service-oriented, city-wide architecture provides the gateways that connect identity providers without a central database.",
      },
      {
        clause: "B8",
        why: "The key actions of the identity and privacy approach need a place in the roadmap.",
      },
    ],
  },
  {
    id: "B13",
    component: "B",
    area: "technology",
    title: "Mapping and managing resources",
    context:
      "Technology and the data it holds are usually bought and run by one organisation for one purpose; the new operating model (B2) needs them managed in a far less siloed way.",
    need: "Systems and data bought for one department should become assets the whole city can draw on, and that takes governance agreed across organisations.",
    explanation: [
      "Large companies increasingly build their systems from shared building blocks on open standards, which they can reuse and recombine quickly as customer needs change, and more and more of those blocks come as services from the cloud. Cities are starting to work the same way, across council departments and with the other large service providers in the city.",
      "The first step is knowing what the city has: map the main data and systems, then set up governance so that an asset can be managed in its own right, beyond the purpose it was first bought for. To be reusable, an asset needs a named owner who treats it as valuable, must be findable by other organisations, and needs clear rules and processes for reuse, especially across organisational boundaries.",
      "This is becoming urgent. As buildings, roads, places and everyday devices come online, the sources of city data multiply. Unmanaged, that growth brings duplication, waste and services that lose sight of the resident.",
      "The pitfall is trying to do everything at once. This is a gradual change, so put it in the roadmap and start with the assets partners see as critical: data that should be opened up first, the data needed for a city-wide view of the customer, and the building blocks of the city-wide architecture.",
    ],
    recommendations: [
      {
        id: "B13",
        letter: null,
        text: "Find out which major data and ICT systems exist across the city, start with those partners could most usefully share, and agree who governs them and on what terms others may use them, so that partners reuse what already exists wherever they can.",
      },
    ],
    linkages: [
      {
        clause: "B8",
        why: "Managing assets city-wide is a gradual change, so it belongs in the roadmap as a core strand of work.",
      },
      {
        clause: "B9",
        why: "High-priority data that partners want opened up for wider use should be among the first assets managed this way.",
      },
      {
        clause: "B10",
        why: "Assets that give a city-wide view of the customer for joined-up services deserve early attention.",
      },
      {
        clause: "B12",
        why: "Any city-wide view of the customer has to respect the trust model for personal data.",
      },
      {
        clause: "B14",
        why: "The city-wide architecture is the long-term destination that asset management steers towards, and its building blocks are priority assets.",
      },
    ],
  },
  {
    id: "B14",
    component: "B",
    area: "technology",
    title: "Open, city-wide IT architecture",
    context:
      "For resource management (B13) to move technology away from silos in line with the new operating model (B2), the city needs an overall vision and architecture for how technology will be used across the city.",
    need: "Cities change slowly while technology moves fast, and many end up tied to particular products; they need a strategic IT platform that keeps them free to adapt as markets and priorities shift.",
    explanation: [
      "The answer is a blueprint for an open, service-oriented, interoperable platform for the whole city. It is not built in one go or by one supplier. It gives partners and suppliers a shared target to move towards over time, and keeps competition open at the platform, service and application levels.",
      "Two groups of the guiding principles sit underneath it. Open data: personal data kept secure and under the person's control; non-personal public data open for anyone to reuse; open data built into every procurement; partners opening their own data where it is not commercially or personally sensitive; and the common standards, descriptions of data, tools, incentives and ways of charging that let a market in city data grow. Sharing and reuse: common data sets, applications, interfaces, processes and core infrastructure shared across the city; service-oriented design to join things up and cut duplicated infrastructure; and interoperability through open standards.",
      "A good platform is modular, made of distinct services that do work for others, each with a clear description and contract. Every part of the blueprint has a clear owner and governance. Published, open standards, international ones wherever possible, govern how parts exchange information, covering services, data, rules, performance indicators and interoperability.",
      "Moving off legacy systems and contracts takes years. The main pitfall is letting each new purchase deepen lock-in: use procurement to pull every new contract towards the blueprint, and publish the platform's services, data and standards so that others can build on them.",
    ],
    recommendations: [
      {
        id: "B14",
        letter: null,
        text: "Agree with partners, among them IT suppliers, small firms and universities, an open architecture for the whole city's technology built from shared services; keep it up to date, and plan the move towards it in stages.",
      },
    ],
    linkages: [
      {
        clause: "B8",
        why: "The multi-year move to the new platform belongs in the roadmap as a core strand of work.",
      },
      {
        clause: "B5",
        why: "Each new procurement should set requirements and supplier relationships that build towards the blueprint.",
      },
      {
        clause: "B9",
        why: "The platform's services, data and standards should be open for partners to reuse.",
      },
      {
        clause: "B13",
        why: "Governing technology and data as city-wide assets keeps the move to the platform on course.",
      },
    ],
  },
  {
    id: "C",
    component: "C",
    area: null,
    title: "Benefit realisation",
    context:
      "Promised benefits are the whole point of a programme, so seeing that they are delivered is a core duty of its leadership and governance (B3).",
    need: "The benefits a programme promises only arrive if someone actively manages them, throughout the programme and after each project ends.",
    explanation: [
      "Cities have often stopped managing a project once it was finished, especially when several organisations share its results. Technology projects in particular are treated as done once the system goes live. Yet the savings and better services usually come later, and often only after real changes to how organisations and people work.",
      "Throughout the programme, every investment and activity should be clearly traceable to the outputs it produces and on to the outcomes the city is aiming for, and someone should be accountable for delivering the outcomes, not just the outputs.",
      "Each city chooses its own benefits in line with its vision (B1). The 29 UK cities that sent feasibility studies to the Future Cities Demonstrator competition mostly aimed at a better quality of life for residents, a stronger local economy, a more open, better-informed and more efficient council, and a more sustainable environment.",
      "Whatever the benefits, manage them in three parts. Mapping: list every intended outcome and show how the outputs of each activity lead to it. Tracking: measure today's performance as a baseline, set specific, measurable targets and follow progress against a planned path. Delivery: make sure governance gives every outcome an accountable owner who delivers it and keeps it under review.",
    ],
    recommendations: [
      {
        id: "Ca",
        letter: "a",
        text: "Map benefits: set out every outcome the programme intends and show how the outputs of each activity and investment lead to it.",
      },
      {
        id: "Cb",
        letter: "b",
        text: "Track benefits: record a baseline of current performance, set specific, measurable success criteria and follow progress against a planned path towards them.",
      },
      {
        id: "Cc",
        letter: "c",
        text: "Deliver benefits: put governance in place that gives every intended outcome a clear owner, accountable for delivering it and for monitoring it afterwards.",
      },
    ],
    linkages: [
      {
        clause: "B8",
        why: "The benefits framework should be worked out in the roadmap's first, planning phase.",
      },
      {
        clause: "D",
        why: "Regular health checks against the critical success factors show whether the programme is still on course to deliver its benefits.",
      },
    ],
  },
  {
    id: "D",
    component: "D",
    area: null,
    title: "Critical success factors",
    context: "Delivering a smart city programme is risky, and the stakes for the city are high.",
    need: "Knowing what the programme's success hinges on, and checking regularly how each of those things is going, is how the city keeps the risks to delivery in hand.",
    explanation: [
      "The biggest risks in delivering a smart city roadmap are rarely technical: smart technology is increasingly mature and proven. They lie in the business and cultural change that joined-up business, service and technology management (component B) asks of everyone involved.",
      "Research into why some technology-enabled change programmes succeed and others fail points to recurring causes. The framework distils them into nine factors, tested with people working on smart cities in the UK and abroad: strategic clarity, leadership, user focus, stakeholder engagement, skills, supplier partnership, future-proofing, achievable delivery and benefits realisation. Its checklist turns each into statements a city can test itself against.",
      "Good practice treats the factors as a standing health check: agree what each means for the programme, measure it, and act on what the measures show. This is core work for the programme's leadership, backed by regular independent reviews at set points in the roadmap.",
      "A checklist filled in once and filed away protects nothing. The value comes from returning to it regularly and acting as soon as a factor slips.",
    ],
    recommendations: [
      {
        id: "D",
        letter: null,
        text: "Put a standing routine in place to name what the programme's success depends on, measure how each of those factors is doing and act when one slips.",
      },
    ],
    linkages: [
      {
        clause: "B3",
        why: "Monitoring progress against the success factors is a core job of the programme's leadership and governance.",
      },
      {
        clause: "B8",
        why: "The roadmap should schedule regular external health checks of the programme against the factors.",
      },
    ],
  },
];
